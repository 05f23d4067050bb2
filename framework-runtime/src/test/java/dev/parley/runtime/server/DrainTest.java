package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.FinishReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful drain: five sessions mid-answer all get their {@code response.done}, then an {@code error} saying the
 * server is going away and close 1001; new sessions are refused with 1013 and {@code /readyz} is 503 meanwhile;
 * the drain completes when the last session has gone. A response that never ends is cut at the drain timeout.
 */
class DrainTest {
    static final String ASK = "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"audio\"]}}";

    @Test
    void fiveSessionsMidAnswerFinishThenClose1001() throws Exception {
        ServerOptions o = TestServer.options(List.of()).withKeyPolicy(new KeyPolicy(null, true, 1, "admin-1"));
        try (TestServer server = new TestServer(o)) {
            server.engines.script = spec -> longAnswer(12, 100); // about 1.2 s each
            List<RealtimeTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    RealtimeTestClient c = RealtimeTestClient.connect(server.url());
                    c.expect("session.created");
                    c.send(ASK);
                    clients.add(c);
                }
                for (RealtimeTestClient c : clients) {
                    c.await("response.created");
                }
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.server.port();
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/parley/drain"))
                        .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, refused.statusCode());
                long start = System.nanoTime();
                HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/parley/drain"))
                        .header("Authorization", "Bearer admin-1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, accepted.statusCode(), accepted.body());
                assertEquals(503, AdmissionTest.get(server, "/readyz").statusCode());
                try (RealtimeTestClient late = RealtimeTestClient.connect(server.url())) {
                    assertEquals("server_shutting_down", late.expect("error").at("/error/code").asText());
                    assertEquals(1013, late.awaitClose().code());
                }
                for (RealtimeTestClient c : clients) {
                    JsonNode done = c.await("response.done");
                    assertEquals("completed", done.at("/response/status").asText(), done.toString());
                    JsonNode bye = c.await("error");
                    assertEquals("server_shutting_down", bye.at("/error/code").asText());
                    RealtimeTestClient.Close close = c.awaitClose();
                    assertEquals(1001, close.code());
                }
                server.server.drained().get(10, TimeUnit.SECONDS);
                System.out.printf("drain: 5 sessions mid-answer got response.done + going-away error + 1001; "
                        + "last session gone %d ms after the drain began%n", (System.nanoTime() - start) / 1_000_000);
                assertEquals(ServerState.DRAINED, server.server.state());
                assertEquals(1, server.server.counters().refusedDraining.sum());
            } finally {
                clients.forEach(RealtimeTestClient::close);
            }
        }
    }

    @Test
    void aResponseThatNeverEndsIsCutAtTheDrainTimeout() throws Exception {
        ServerOptions o = TestServer.options(List.of())
                .withLimits(ServerLimits.defaults().withDrainTimeout(Duration.ofMillis(600)));
        try (TestServer server = new TestServer(o)) {
            server.engines.script = spec -> List.of(new Step.Text("Well"), new Step.Hang());
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                c.expect("session.created");
                c.send(ASK);
                c.await("response.created");
                long start = System.nanoTime();
                server.server.drain("test");
                assertEquals("server_shutting_down", c.await("error").at("/error/code").asText());
                assertEquals(1001, c.awaitClose().code());
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("drain timeout 600 ms: hung response cut, 1001 after %d ms%n", ms);
                assertTrue(ms >= 550 && ms < 3000, ms + " ms");
                server.server.drained().get(10, TimeUnit.SECONDS);
            }
        }
    }

    static List<Step> longAnswer(int pieces, long sleepMs) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            steps.add(new Step.Text("word" + i + " "));
            steps.add(new Step.Audio(100));
            if (sleepMs > 0) {
                steps.add(new Step.Sleep(sleepMs));
            }
        }
        steps.add(new Step.Complete(FinishReason.STOP));
        return steps;
    }
}
