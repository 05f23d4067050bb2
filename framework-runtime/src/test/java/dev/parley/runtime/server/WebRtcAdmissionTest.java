package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/realtime/calls} goes through the same admission as a WebSocket handshake, over real HTTP and
 * real libwebrtc peers against a real server: a wrong key is 401 with a JSON error, an address with too many failed
 * logins is 429 + Retry-After, a call beyond the server's cap is 503 + Retry-After (a live call holds a place as
 * a WebSocket session does, and gives it back at hang-up), the key's own cap is 429, and a draining server is 503.
 */
class WebRtcAdmissionTest {
    private static final WebRtcOptions LOOPBACK = WebRtcOptions.defaults().withIceAddresses(List.of("127.0.0.1"));
    /** A syntactically valid offer: admission is decided after the SDP is read, before any media. */
    private static final String OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB"
            + ":CC:DD:EE:FF\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\n"
            + "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=rtpmap:111 opus/48000/2\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

    private final HttpClient http = HttpClient.newHttpClient();

    private static JsonNode error(HttpResponse<String> res) throws Exception {
        return RealtimeTestClient.JSON.readTree(res.body()).path("error");
    }

    private static void assertRetryAfter(HttpResponse<String> res) {
        long retry = Long.parseLong(res.headers().firstValue("retry-after").orElse("0"));
        assertTrue(retry >= 1, "Retry-After: " + res.headers().map());
    }

    @Test
    void wrongKeysAre401ThenTheAddressIsThrottledWith429() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-good"))
                .withLimits(ServerLimits.defaults().withFailedAuth(3, Duration.ofSeconds(60)));
        try (TestServer server = new TestServer(o, LOOPBACK)) {
            int port = server.server.port();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> wrong = WebRtcTestPeer.post(http, port, "sk-bad-" + i, OFFER);
                assertEquals(401, wrong.statusCode(), wrong.body());
                assertEquals("application/json", wrong.headers().firstValue("content-type").orElse(null));
                assertEquals("invalid_api_key", error(wrong).path("code").asText(), wrong.body());
            }
            // locked out: even the right key waits, as on the WebSocket path
            HttpResponse<String> throttled = WebRtcTestPeer.post(http, port, "sk-good", OFFER);
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertEquals("rate_limit_exceeded", error(throttled).path("code").asText(), throttled.body());
            assertRetryAfter(throttled);
            assertEquals(0, server.server.liveSessions());
            assertEquals(3, server.server.counters().failedLogins.sum());
        }
    }

    @Test
    void aLiveCallHoldsAPlaceAndTheNextIs503UntilItHangsUp() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-good"))
                .withLimits(ServerLimits.defaults().withMaxSessions(1, 0));
        try (TestServer server = new TestServer(o, LOOPBACK); WebRtcTestPeer peer = new WebRtcTestPeer()) {
            int port = server.server.port();
            HttpResponse<String> first = peer.connect(http, port, "sk-good");
            peer.next("session.created");
            assertEquals(1, server.server.liveSessions(), "the call holds a place under --max-sessions");

            HttpResponse<String> full = WebRtcTestPeer.post(http, port, "sk-good", OFFER);
            assertEquals(503, full.statusCode(), full.body());
            assertEquals("session_limit_reached", error(full).path("code").asText(), full.body());
            assertEquals("server_error", error(full).path("type").asText(), full.body());
            assertRetryAfter(full);
            // and a WebSocket session is refused the same place
            try (RealtimeTestClient ws = RealtimeTestClient.connect(server.url(), java.util.Map.of("Authorization", "Bearer sk-good"), List.of())) {
                assertEquals("session_limit_reached", ws.expect("error").at("/error/code").asText());
                assertEquals(1013, ws.awaitClose().code());
            }

            String location = first.headers().firstValue("location").orElseThrow();
            HttpResponse<String> hangup = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + location + "/hangup")).header("Authorization", "Bearer sk-good")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hangup.statusCode(), hangup.body());
            awaitNoSessions(server);
            assertEquals(0, server.server.liveSessions(), "the hang-up gave the place back");
        }
    }

    @Test
    void theKeysOwnCapIs429() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-good"))
                .withLimits(ServerLimits.defaults().withMaxSessions(0, 1));
        try (TestServer server = new TestServer(o, LOOPBACK);
             RealtimeTestClient ws = RealtimeTestClient.connect(server.url(), java.util.Map.of("Authorization", "Bearer sk-good"), List.of())) {
            ws.expect("session.created");
            HttpResponse<String> res = WebRtcTestPeer.post(http, server.server.port(), "sk-good", OFFER);
            assertEquals(429, res.statusCode(), res.body());
            assertEquals("session_limit_reached", error(res).path("code").asText(), res.body());
            assertRetryAfter(res);
        }
    }

    @Test
    void aDrainingServerRefusesCallsWith503() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK)) {
            server.server.drain("test").get(5, TimeUnit.SECONDS);
            HttpResponse<String> res = WebRtcTestPeer.post(http, server.server.port(), "sk-good", OFFER);
            assertEquals(503, res.statusCode(), res.body());
            assertEquals("server_shutting_down", error(res).path("code").asText(), res.body());
            assertRetryAfter(res);
            assertEquals(0, server.server.liveCalls());
        }
    }

    private static void awaitNoSessions(TestServer server) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.server.liveSessions() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }
}
