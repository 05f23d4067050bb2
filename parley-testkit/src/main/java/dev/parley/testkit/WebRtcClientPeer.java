package dev.parley.testkit;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of a Parley WebRTC call, as a browser makes it: a real libwebrtc peer (webrtc-java, the server's
 * own library) with a microphone track and the {@code oai-events} data channel, whose offer (every candidate
 * gathered, no trickle ICE, as the server expects) is POSTed to {@code /v1/realtime/calls}. The runtime's tests
 * and the bench's WebRTC transport both call through this one peer. webrtc-java is an optional dependency of the
 * testkit: a user of this class has it already (the runtime declares it), the plugins' tests do not carry it.
 */
public final class WebRtcClientPeer implements AutoCloseable {
    /** The sample rate of the microphone audio {@link #speak} takes: the Realtime API's PCM16. */
    public static final int RATE = 24_000;
    private static final int FRAME_SAMPLES = RATE / 100;
    private static final long STEP_SECONDS = 5;
    private static final long GATHER_SECONDS = 10;
    private static final long OPEN_SECONDS = 15;

    /** What the peer receives; called on libwebrtc's threads. */
    public interface Listener {
        /** A server event that arrived on {@code oai-events} at {@code nanos} ({@link System#nanoTime()}). */
        void message(long nanos, String text);

        /** One frame of the agent's audio on the received track, at {@code nanos}. */
        default void agentAudio(long nanos, byte[] pcm, int bitsPerSample, int rate, int channels, int frames) {
        }
    }

    private final HeadlessAudioDeviceModule device = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(device);
    private final CustomAudioSource microphone = new CustomAudioSource();
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
    private final CompletableFuture<RTCPeerConnectionState> ended = new CompletableFuture<>();
    private final RTCPeerConnection pc;
    private final RTCDataChannel events;

    public WebRtcClientPeer(Listener listener) {
        pc = factory.createPeerConnection(new RTCConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
            }

            @Override
            public void onIceGatheringChange(RTCIceGatheringState s) {
                if (s == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState s) {
                if (s == RTCPeerConnectionState.CLOSED || s == RTCPeerConnectionState.FAILED
                        || s == RTCPeerConnectionState.DISCONNECTED) {
                    ended.complete(s);
                }
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                if (transceiver.getReceiver().getTrack() instanceof AudioTrack agent) {
                    agent.addSink((data, bits, rate, channels, frames) ->
                            listener.agentAudio(System.nanoTime(), data, bits, rate, channels, frames));
                }
            }
        });
        pc.addTrack(factory.createAudioTrack("mic", microphone), List.of("client"));
        events = pc.createDataChannel("oai-events", new RTCDataChannelInit());
        events.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previous) {
            }

            @Override
            public void onStateChange() {
                RTCDataChannelState s = events.getState();
                if (s == RTCDataChannelState.OPEN) {
                    open.complete(events);
                } else if (s == RTCDataChannelState.CLOSED) {
                    ended.complete(RTCPeerConnectionState.CLOSED);
                }
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                long nanos = System.nanoTime();
                byte[] b = new byte[buffer.data.remaining()];
                buffer.data.get(b);
                listener.message(nanos, new String(b, StandardCharsets.UTF_8));
            }
        });
    }

    /** {@code /v1/realtime/calls} of a server listening on 127.0.0.1:{@code port}. */
    public static URI calls(int port) {
        return URI.create("http://127.0.0.1:" + port + "/v1/realtime/calls");
    }

    /** POSTs {@code sdp} as an offer to {@code calls} with {@code key}; the reply as it came. */
    public static HttpResponse<String> post(HttpClient http, URI calls, String key, String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(calls).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(sdp)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The offer with every candidate gathered. */
    public String offer() throws Exception {
        CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                made.complete(d);
            }

            @Override
            public void onFailure(String error) {
                made.completeExceptionally(new IllegalStateException(error));
            }
        });
        CompletableFuture<Void> set = new CompletableFuture<>();
        pc.setLocalDescription(made.get(STEP_SECONDS, TimeUnit.SECONDS), done(set));
        set.get(STEP_SECONDS, TimeUnit.SECONDS);
        gathered.get(GATHER_SECONDS, TimeUnit.SECONDS);
        return pc.getLocalDescription().sdp;
    }

    /** Applies the server's answer and waits for the events channel to open. */
    public void answer(String sdp) throws Exception {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), done(applied));
        applied.get(STEP_SECONDS, TimeUnit.SECONDS);
        open.get(OPEN_SECONDS, TimeUnit.SECONDS);
    }

    /** Offers, POSTs to {@code calls}, applies the 201's answer and waits for the events channel; the reply. */
    public HttpResponse<String> connect(HttpClient http, URI calls, String key) throws Exception {
        HttpResponse<String> res = post(http, calls, key, offer());
        if (res.statusCode() != 201) {
            throw new IllegalStateException("call refused: HTTP " + res.statusCode() + " " + res.body());
        }
        answer(res.body());
        return res;
    }

    /** One text message on {@code oai-events}, once it is open. */
    public void send(String text) {
        try {
            open.get(OPEN_SECONDS, TimeUnit.SECONDS).send(new RTCDataChannelBuffer(
                    ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the events channel opened", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the events channel never opened", e);
        } catch (Exception e) {
            throw new IllegalStateException("events channel send failed: " + e.getMessage(), e);
        }
    }

    /**
     * 24 kHz PCM16 mono into the microphone track, in 10 ms frames pushed now (a trailing part frame is dropped).
     * libwebrtc starts the headless device's simulated capture whenever the send stream starts, and that thread
     * feeding the same stream as these pushes aborts the process (audio_send_stream.cc race checker, as the
     * server's {@code PeerCall} found): stop it before every push, a no-op once stopped.
     */
    public void speak(byte[] pcm) {
        int frameBytes = FRAME_SAMPLES * 2;
        for (int at = 0; at + frameBytes <= pcm.length; at += frameBytes) {
            device.stopRecording();
            microphone.pushAudio(Arrays.copyOfRange(pcm, at, at + frameBytes), 16, RATE, 1, FRAME_SAMPLES);
        }
    }

    /** Completes when the call ends: the peer connection closed, failed or disconnected, or the channel closed. */
    public CompletableFuture<RTCPeerConnectionState> ended() {
        return ended;
    }

    private static SetSessionDescriptionObserver done(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    @Override
    public void close() {
        pc.close();
        factory.dispose();
        device.dispose();
    }
}
