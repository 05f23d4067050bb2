package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §1.1/§1.2 credentials: three ways in, bad or missing key → error then close 3000; ephemeral keys. */
class AuthTest {
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good", "sk-other")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bearerHeader() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(),
                Map.of("Authorization", "Bearer sk-good"), List.of())) {
            c.expect("session.created");
        }
    }

    @Test
    void insecureKeySubprotocolAndRealtimeIsEchoed() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), Map.of(),
                List.of("realtime", "openai-insecure-api-key.sk-other"))) {
            assertEquals("realtime", c.subprotocol());
            c.expect("session.created");
        }
    }

    @Test
    void apiKeyQueryParameter() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url() + "&api-key=sk-good")) {
            c.expect("session.created");
        }
    }

    @Test
    void badKeyGetsErrorThenClose3000() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(),
                Map.of("Authorization", "Bearer sk-wrong"), List.of())) {
            JsonNode err = c.expect("error").path("error");
            assertEquals("invalid_api_key", err.path("code").asText());
            RealtimeTestClient.Close close = c.awaitClose();
            assertEquals(3000, close.code());
            assertEquals("invalid_request_error.invalid_api_key", close.reason());
        }
    }

    @Test
    void missingKeyGetsErrorThenClose3000() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            JsonNode err = c.expect("error").path("error");
            assertTrue(err.path("code").isNull());
            assertEquals(3000, c.awaitClose().code());
        }
    }

    @Test
    void clientSecretMintsAnEphemeralKeyCarryingItsSession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.server.port();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/realtime/client_secrets"))
                .header("Authorization", "Bearer sk-good").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"expires_after\":{\"anchor\":\"created_at\","
                        + "\"seconds\":60},\"session\":{\"type\":\"realtime\",\"instructions\":\"From the key.\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        JsonNode body = RealtimeTestClient.JSON.readTree(res.body());
        String ek = body.path("value").asText();
        assertTrue(ek.startsWith("ek_"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(body.path("expires_at").asLong() - (now + 60)) <= 2);
        assertEquals("From the key.", body.at("/session/instructions").asText());
        String sessionId = body.at("/session/id").asText();
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), Map.of(),
                List.of("realtime", "openai-insecure-api-key." + ek))) {
            JsonNode s = c.expect("session.created").path("session");
            assertEquals(sessionId, s.path("id").asText());
            assertEquals("From the key.", s.path("instructions").asText());
        }
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/v1/realtime/client_secrets")).header("Authorization", "Bearer " + ek)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), "an ephemeral key cannot mint another");
    }

    @Test
    void sessionSettingsTooLargeForAKeyAreRefusedAtMinting() throws Exception {
        StringBuilder noise = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 40_000; i++) {
            noise.append((char) ('a' + r.nextInt(26))); // does not deflate below the token limit
        }
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.server.port() + "/v1/realtime/client_secrets"))
                .header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\":{\"type\":\"realtime\",\"instructions\":\""
                        + noise + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, res.statusCode(), res.body());
        assertEquals("session_too_large", RealtimeTestClient.JSON.readTree(res.body()).at("/error/code").asText());
    }

    @Test
    void plainHttpGetsClearAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.server.port();
        HttpResponse<String> noUpgrade = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/realtime")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(426, noUpgrade.statusCode());
        assertEquals("websocket_required", RealtimeTestClient.JSON.readTree(noUpgrade.body()).at("/error/code")
                .asText());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/nothing")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("/v1/realtime"));
    }

    @Test
    void betaSessionsEndpointAndValidation() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.server.port() + "/v1/realtime/sessions");
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.ofString("{\"modalities\":[\"text\"],\"voice\":\"verse\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        JsonNode body = RealtimeTestClient.JSON.readTree(res.body());
        assertTrue(body.at("/client_secret/value").asText().startsWith("ek_"));
        assertEquals("verse", body.path("voice").asText());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.ofString("{\"voice\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_type", RealtimeTestClient.JSON.readTree(bad.body()).at("/error/code").asText());
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noKey.statusCode());
    }
}
