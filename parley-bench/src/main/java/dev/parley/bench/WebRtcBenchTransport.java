package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bench's {@link RealtimeClient} over WebRTC, as a browser would call: a real libwebrtc peer (webrtc-java, the
 * server's own library) with a microphone track and the {@code oai-events} data channel, whose offer is POSTed to
 * {@code /v1/realtime/calls}. The pacer's {@code input_audio_buffer.append} events become microphone audio (their
 * 24 kHz PCM16 pushed as 10 ms frames at the instant the pacer sends them); every other client event goes on the
 * data channel, and server events come back to the client's queue with their arrival instant. What the agent
 * says arrives on the received track, where {@link #heard()} marks the audible frames.
 */
final class WebRtcBenchTransport implements RealtimeClient.Transport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAME_SAMPLES = AudioTrack.RATE / 100;

    private final HeadlessAudioDeviceModule device = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(device);
    private final CustomAudioSource microphone = new CustomAudioSource();
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
    private final AudibleFrames heard = new AudibleFrames();
    private final RTCPeerConnection pc;
    private final RTCDataChannel events;

    private WebRtcBenchTransport(RealtimeClient client) {
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
            public void onTrack(RTCRtpTransceiver transceiver) {
                if (transceiver.getReceiver().getTrack() instanceof dev.onvoid.webrtc.media.audio.AudioTrack agent) {
                    agent.addSink((data, bits, rate, channels, frames) ->
                            heard.frame(System.nanoTime(), data, bits, channels, frames));
                }
            }
        });
        pc.addTrack(factory.createAudioTrack("bench-mic", microphone), List.of("bench"));
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
                    client.received(System.nanoTime(), "error", () -> "{\"transport\":\"data channel closed\"}");
                }
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                long nanos = System.nanoTime();
                byte[] b = new byte[buffer.data.remaining()];
                buffer.data.get(b);
                String text = new String(b, StandardCharsets.UTF_8);
                String type = RealtimeClient.typeOf(text);
                client.received(nanos, type == null ? "" : type, () -> text);
            }
        });
    }

    /** A call to the server on {@code port}: offer, POST, answer applied, events channel open. */
    static RealtimeClient call(HttpClient http, int port, java.util.function.Predicate<String> keep)
            throws Exception {
        WebRtcBenchTransport[] made = new WebRtcBenchTransport[1];
        RealtimeClient c = RealtimeClient.over(keep, client -> made[0] = new WebRtcBenchTransport(client));
        try {
            made[0].connect(http, port);
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The transport of a client made by {@link #call}. */
    static WebRtcBenchTransport of(RealtimeClient c) {
        return (WebRtcBenchTransport) c.transport();
    }

    AudibleFrames heard() {
        return heard;
    }

    private void connect(HttpClient http, int port) throws Exception {
        CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                offer.complete(d);
            }

            @Override
            public void onFailure(String error) {
                offer.completeExceptionally(new IllegalStateException(error));
            }
        });
        CompletableFuture<Void> local = new CompletableFuture<>();
        pc.setLocalDescription(offer.get(5, TimeUnit.SECONDS), done(local));
        local.get(5, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/realtime/calls?model=gpt-realtime")).header("Authorization", "Bearer bench")
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(pc.getLocalDescription().sdp)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 201) {
            throw new IllegalStateException("call refused: HTTP " + res.statusCode() + " " + res.body());
        }
        CompletableFuture<Void> remote = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, res.body()), done(remote));
        remote.get(5, TimeUnit.SECONDS);
        open.get(15, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void send(String text) {
        if (text.startsWith("{\"type\":\"input_audio_buffer.append\"")) {
            speak(text);
            return;
        }
        try {
            events.send(new RTCDataChannelBuffer(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false));
        } catch (Exception e) {
            throw new IllegalStateException("events channel send failed: " + e.getMessage(), e);
        }
    }

    /**
     * The append's audio into the microphone track. libwebrtc starts the headless device's simulated capture
     * whenever the send stream starts, and that thread feeding the same stream as these pushes aborts the process
     * (audio_send_stream.cc race checker, as the server's {@code PeerCall} found): stop it before every push, a
     * no-op once stopped.
     */
    private void speak(String append) {
        byte[] pcm;
        try {
            JsonNode n = JSON.readTree(append);
            pcm = Base64.getDecoder().decode(n.path("audio").asText());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the bench sends JSON: " + append, e);
        }
        int frameBytes = FRAME_SAMPLES * 2;
        for (int at = 0; at + frameBytes <= pcm.length; at += frameBytes) {
            device.stopRecording();
            microphone.pushAudio(java.util.Arrays.copyOfRange(pcm, at, at + frameBytes), 16,
                    AudioTrack.RATE, 1, FRAME_SAMPLES);
        }
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
    public synchronized void close() {
        pc.close();
        factory.dispose();
        device.dispose();
    }
}
