package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.parley.testkit.WebRtcClientPeer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The runtime tests' WebRTC client: the testkit's real libwebrtc peer ({@link WebRtcClientPeer}) calling a test
 * server on 127.0.0.1, with the server's events queued for {@link #next}.
 */
final class WebRtcTestPeer implements AutoCloseable {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebRtcClientPeer peer = new WebRtcClientPeer((nanos, text) -> received.add(text));
    final CompletableFuture<RTCPeerConnectionState> ended = peer.ended();
    /** Event types {@link #next} passed over, for a failure's message. */
    final List<String> skipped = new CopyOnWriteArrayList<>();

    /** The offer with every candidate gathered. */
    String offer() throws Exception {
        return peer.offer();
    }

    /** Applies the server's answer and waits for the events channel. */
    void answer(String sdp) throws Exception {
        peer.answer(sdp);
    }

    static HttpResponse<String> post(HttpClient http, int port, String key, String sdp) throws Exception {
        return WebRtcClientPeer.post(http, WebRtcClientPeer.calls(port), key, sdp);
    }

    /** Offers, POSTs, applies the 201's answer and waits for the events channel; returns the reply. */
    HttpResponse<String> connect(HttpClient http, int port, String key) throws Exception {
        return peer.connect(http, WebRtcClientPeer.calls(port), key);
    }

    void send(String json) {
        peer.send(json);
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

    @Override
    public void close() {
        peer.close();
    }
}
