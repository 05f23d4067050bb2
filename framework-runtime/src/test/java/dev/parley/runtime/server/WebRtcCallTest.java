package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real WebRTC peer (libwebrtc through webrtc-java, as a client) calls a real server on 127.0.0.1: the offer is
 * answered with 201 + Location, the {@code oai-events} channel opens and carries {@code session.created}, a message
 * that is not an event gets an {@code error} event and the session goes on, and a call whose answer is never
 * applied (ICE never connects) is closed within the connect timeout.
 */
class WebRtcCallTest {
    private static final WebRtcOptions LOOPBACK = WebRtcOptions.defaults().withIceAddresses(List.of("127.0.0.1"))
            .withConnectTimeout(Duration.ofSeconds(2));

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private WebRtcTestPeer peer;

    @AfterEach
    void close() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A client peer with a microphone track and the events channel; returns its offer with candidates. */
    private String offer() throws Exception {
        peer = new WebRtcTestPeer();
        return peer.offer();
    }

    private HttpResponse<String> call(String sdp) throws Exception {
        return WebRtcTestPeer.post(http, server.server.port(), "sk-good", sdp);
    }

    @Test
    void aPeerCallsAndTalksOverTheEventsChannel() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
        HttpResponse<String> res = call(offer());
        assertEquals(201, res.statusCode(), res.body());
        assertEquals("application/sdp", res.headers().firstValue("content-type").orElse(null));
        String location = res.headers().firstValue("location").orElse("");
        assertTrue(location.startsWith("/v1/realtime/calls/rtc_"), location);
        for (String line : res.body().split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                assertEquals("127.0.0.1", line.split(" ")[4], "only the allowed address is advertised: " + line);
            }
        }
        peer.answer(res.body());
        JsonNode created = peer.next("session.created");
        assertTrue(created.at("/session/id").asText().startsWith("sess_"), created.toString());

        peer.send("{not json");
        JsonNode error = peer.next("error");
        assertEquals("invalid_request_error", error.at("/error/type").asText(), error.toString());

        peer.send("{\"type\":\"session.update\",\"session\":{"
                + "\"type\":\"realtime\",\"instructions\":\"Over WebRTC.\"}}");
        JsonNode updated = peer.next("session.updated");
        assertEquals("Over WebRTC.", updated.at("/session/instructions").asText(), updated.toString());

        HttpResponse<String> hangup = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.server.port() + location + "/hangup")).header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, hangup.statusCode(), hangup.body());
        assertEquals(0, server.server.liveCalls());
    }

    @Test
    void aCallThatNeverConnectsIsClosedWithinTheTimeout() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
        HttpResponse<String> res = call(offer());
        assertEquals(201, res.statusCode(), res.body());
        assertNotNull(res.headers().firstValue("location").orElse(null));
        assertEquals(1, server.server.liveCalls());
        // the answer is never applied: no ICE checks reach the server
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.server.liveCalls() > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(0, server.server.liveCalls(), "the unconnected call is closed after the 2 s connect timeout");
    }
}
