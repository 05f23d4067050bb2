package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test-scope WebRTC client: a real libwebrtc peer (webrtc-java) with a microphone track and the {@code oai-events}
 * channel, which POSTs its offer to {@code /v1/realtime/calls}, applies the answer and collects the server's events.
 */
final class WebRtcTestPeer implements AutoCloseable {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
    final CompletableFuture<RTCPeerConnectionState> ended = new CompletableFuture<>();
    private final HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(adm);
    private final RTCPeerConnection pc;
    private final RTCDataChannel events;
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    /** Event types {@link #next} passed over, for a failure's message. */
    final List<String> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CustomAudioSource microphone = new CustomAudioSource();

    WebRtcTestPeer() {
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
        });
        AudioTrack mic = factory.createAudioTrack("mic", microphone);
        pc.addTrack(mic, List.of("client"));
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
                byte[] b = new byte[buffer.data.remaining()];
                buffer.data.get(b);
                received.add(new String(b, StandardCharsets.UTF_8));
            }
        });
    }

    /** The offer with every candidate gathered. */
    String offer() throws Exception {
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
        pc.setLocalDescription(made.get(5, TimeUnit.SECONDS), done(set));
        set.get(5, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);
        return pc.getLocalDescription().sdp;
    }

    static HttpResponse<String> post(HttpClient http, int port, String key, String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/realtime/calls"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Offers, POSTs, applies the 201's answer and waits for the events channel; returns the reply. */
    HttpResponse<String> connect(HttpClient http, int port, String key) throws Exception {
        HttpResponse<String> res = post(http, port, key, offer());
        if (res.statusCode() != 201) {
            throw new AssertionError("call refused: " + res.statusCode() + " " + res.body());
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, res.body()), done(applied));
        applied.get(5, TimeUnit.SECONDS);
        open.get(15, TimeUnit.SECONDS);
        return res;
    }

    void send(String json) throws Exception {
        open.get(15, TimeUnit.SECONDS).send(new RTCDataChannelBuffer(
                ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), false));
    }

    /** The next event of {@code type}, skipping others; fails after 15 s. */
    JsonNode next(String type) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            String m = received.poll(200, TimeUnit.MILLISECONDS);
            if (m != null) {
                JsonNode n = RealtimeTestClient.JSON.readTree(m);
                if (type.equals(n.path("type").asText())) {
                    return n;
                }
                skipped.add(n.path("type").asText());
            }
        }
        throw new AssertionError("no " + type + " on the data channel; skipped " + skipped);
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
        adm.dispose();
    }
}
