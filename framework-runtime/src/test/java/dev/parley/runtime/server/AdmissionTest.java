package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-sessions} and {@code --max-sessions-per-key}: one session too many is refused at the handshake with
 * an error and 1013, counted, and live sessions go on; {@code /readyz} says so. Ephemeral keys: each session its
 * own id, single use by default, a bounded number of uses when configured, verified by any node with the secret.
 */
class AdmissionTest {
    private static final String UPDATE = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}";

    @Test
    void aSessionBeyondTheLimitIsRefusedWith1013AndLiveOnesGoOn() throws Exception {
        ServerOptions o = TestServer.options(List.of()).withLimits(ServerLimits.defaults().withMaxSessions(2, 0));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient a = RealtimeTestClient.connect(server.url());
             RealtimeTestClient b = RealtimeTestClient.connect(server.url())) {
            a.expect("session.created");
            b.expect("session.created");
            assertEquals(503, get(server, "/readyz").statusCode(), "full: not ready for more");
            long start = System.nanoTime();
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                JsonNode err = c.expect("error").path("error");
                assertEquals("session_limit_reached", err.path("code").asText());
                assertTrue(err.path("message").asText().contains("limit of 2 sessions"), err.toString());
                RealtimeTestClient.Close close = c.awaitClose();
                assertEquals(1013, close.code());
                assertEquals("server_error.session_limit_reached", close.reason());
                System.out.printf("max sessions: refusal (error + 1013) after %d ms%n",
                        (System.nanoTime() - start) / 1_000_000);
            }
            for (RealtimeTestClient live : List.of(a, b)) {
                live.send(UPDATE);
                live.expect("session.updated");
            }
            assertEquals(1, server.server.counters().refusedAtCapacity.sum());
            assertEquals(1, server.server.counters().refusedSessions());
            a.close();
            for (int i = 0; i < 100 && server.server.liveSessions() > 1; i++) {
                Thread.sleep(20);
            }
            assertEquals(200, get(server, "/readyz").statusCode());
            assertEquals(200, get(server, "/healthz").statusCode());
            try (RealtimeTestClient d = RealtimeTestClient.connect(server.url())) {
                d.expect("session.created"); // a freed place is taken again
            }
        }
    }

    @Test
    void perKeyLimitCountsEachKeySeparately() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-a", "sk-b"))
                .withLimits(ServerLimits.defaults().withMaxSessions(0, 1));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient a = RealtimeTestClient.connect(server.url(), Map.of("Authorization", "Bearer sk-a"),
                     List.of());
             RealtimeTestClient b = RealtimeTestClient.connect(server.url(), Map.of("Authorization", "Bearer sk-b"),
                     List.of());
             RealtimeTestClient a2 = RealtimeTestClient.connect(server.url(),
                     Map.of("Authorization", "Bearer sk-a"), List.of())) {
            a.expect("session.created");
            b.expect("session.created");
            assertEquals("session_limit_reached", a2.expect("error").at("/error/code").asText());
            assertEquals(1013, a2.awaitClose().code());
            a.send(UPDATE);
            a.expect("session.updated");
        }
    }

    @Test
    void anEphemeralKeyOpensOneSessionByDefault() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")))) {
            JsonNode minted = mint(server);
            String ek = minted.path("value").asText();
            try (RealtimeTestClient first = connectWith(server, ek);
                 RealtimeTestClient second = connectWith(server, ek)) {
                assertEquals(minted.at("/session/id").asText(),
                        first.expect("session.created").at("/session/id").asText());
                JsonNode err = second.expect("error").path("error");
                assertEquals("invalid_api_key", err.path("code").asText());
                assertTrue(err.path("message").asText().contains("already opened"), err.toString());
                assertEquals(3000, second.awaitClose().code());
            }
            String tampered = ek.substring(0, ek.length() - 2) + (ek.endsWith("A") ? "BB" : "AA");
            try (RealtimeTestClient forged = connectWith(server, tampered)) {
                assertEquals("invalid_api_key", forged.expect("error").at("/error/code").asText());
            }
        }
    }

    @Test
    void aKeyWithSeveralUsesGivesEachSessionItsOwnId() throws Exception {
        KeyPolicy keys = new KeyPolicy("0123456789abcdef-shared".getBytes(), false, 3, null);
        ServerOptions o = TestServer.options(List.of("sk-good")).withKeyPolicy(keys);
        try (TestServer server = new TestServer(o); TestServer other = new TestServer(o)) {
            String ek = mint(server).path("value").asText();
            Set<String> ids = new HashSet<>();
            List<RealtimeTestClient> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(connectWith(server, ek));
                }
                for (int i = 0; i < 3; i++) {
                    ids.add(clients.get(i).expect("session.created").at("/session/id").asText());
                }
                assertEquals(3, ids.size(), "three live sessions, three ids: " + ids);
                assertEquals(3000, clients.get(3).awaitClose().code(), "a fourth use is refused");
                // a node sharing the secret verifies the key without shared state (its own use count)
                try (RealtimeTestClient elsewhere = connectWith(other, ek)) {
                    String id = elsewhere.expect("session.created").at("/session/id").asText();
                    assertNotEquals("", id);
                }
            } finally {
                clients.forEach(RealtimeTestClient::close);
            }
        }
    }

    private static RealtimeTestClient connectWith(TestServer server, String ek) throws Exception {
        return RealtimeTestClient.connect(server.url(), Map.of(), List.of("realtime", "openai-insecure-api-key." + ek));
    }

    private static JsonNode mint(TestServer server) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.server.port() + "/v1/realtime/client_secrets"))
                .header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\":{\"type\":\"realtime\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return RealtimeTestClient.JSON.readTree(res.body());
    }

    static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
