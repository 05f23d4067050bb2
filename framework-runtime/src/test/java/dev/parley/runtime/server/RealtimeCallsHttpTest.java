package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/realtime/calls} over real HTTP against a real server: what is refused before any media is set
 * up (keys, SDP, method) and the CORS answers a browser page on another origin needs.
 */
class RealtimeCallsHttpTest {
    private static final String OFFER_WITHOUT_AUDIO = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n";
    private static final String OFFER_WITHOUT_OPUS = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.server.port() + "/v1/realtime/calls";
    }

    private HttpResponse<String> post(String key, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base())).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> res) throws Exception {
        return RealtimeTestClient.JSON.readTree(res.body()).path("error");
    }

    @Test
    void aMissingOrWrongKeyIs401() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")));
        HttpResponse<String> missing = post(null, "application/sdp", "v=0\r\n");
        assertEquals(401, missing.statusCode(), missing.body());
        assertTrue(error(missing).path("message").asText().contains("Missing bearer"), missing.body());
        HttpResponse<String> wrong = post("sk-bad", "application/sdp", "v=0\r\n");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals("invalid_api_key", error(wrong).path("code").asText(), wrong.body());
    }

    @Test
    void aBadOfferIs400NamingTheProblem() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")));
        HttpResponse<String> empty = post("sk-good", "application/sdp", "");
        assertEquals(400, empty.statusCode(), empty.body());
        assertEquals("missing_sdp", error(empty).path("code").asText(), empty.body());

        HttpResponse<String> notSdp = post("sk-good", "application/sdp", "hello");
        assertEquals(400, notSdp.statusCode(), notSdp.body());
        assertEquals("invalid_sdp", error(notSdp).path("code").asText(), notSdp.body());
        assertEquals("sdp", error(notSdp).path("param").asText(), notSdp.body());

        HttpResponse<String> noAudio = post("sk-good", "application/sdp", OFFER_WITHOUT_AUDIO);
        assertEquals(400, noAudio.statusCode(), noAudio.body());
        assertEquals("unsupported_sdp", error(noAudio).path("code").asText(), noAudio.body());
        assertTrue(error(noAudio).path("message").asText().contains("no audio section"), noAudio.body());

        HttpResponse<String> noOpus = post("sk-good", "application/sdp", OFFER_WITHOUT_OPUS);
        assertEquals(400, noOpus.statusCode(), noOpus.body());
        assertTrue(error(noOpus).path("message").asText().contains("no Opus"), noOpus.body());

        String boundary = "parleyboundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n"
                + "{\"type\":\"realtime\",\"instructions\":\"x\"}\r\n--" + boundary + "--\r\n";
        HttpResponse<String> noSdpPart = post("sk-good", "multipart/form-data; boundary=" + boundary, multipart);
        assertEquals(400, noSdpPart.statusCode(), noSdpPart.body());
        assertEquals("missing_sdp", error(noSdpPart).path("code").asText(), noSdpPart.body());
    }

    @Test
    void thePreflightAllowsAnyOriginByDefault() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")));
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, res.statusCode());
        assertEquals("http://127.0.0.1:5173", res.headers().firstValue("access-control-allow-origin").orElse(null));
        String allowed = res.headers().firstValue("access-control-allow-headers").orElse("");
        assertTrue(allowed.contains("Authorization") && allowed.contains("Content-Type"), allowed);
        assertEquals("Location", res.headers().firstValue("access-control-expose-headers").orElse(null));

        // an error reply to a page carries the CORS headers too, so the page can read why
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base()))
                .header("Origin", "http://127.0.0.1:5173").POST(HttpRequest.BodyPublishers.ofString("v=0"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
        assertEquals("http://127.0.0.1:5173", refused.headers().firstValue("access-control-allow-origin").orElse(null));
    }

    @Test
    void corsOriginsRestrictsWhichPagesMayCall() throws Exception {
        WebRtcOptions only = new WebRtcOptions(List.of(), 0, 0, List.of(), List.of(), null, null,
                List.of("https://app.example"), null);
        server = new TestServer(TestServer.options(List.of("sk-good")), only);
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, other.statusCode(), other.body());
        assertNull(other.headers().firstValue("access-control-allow-origin").orElse(null));
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, listed.statusCode());
    }

    @Test
    void onlyPostAndOptionsAreServed() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());
        HttpResponse<String> hangup = http.send(HttpRequest.newBuilder(URI.create(base() + "/rtc_nope/hangup"))
                .header("Authorization", "Bearer sk-good").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, hangup.statusCode(), hangup.body());
    }
}
