package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.FinishReason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The protocol layer's own share of latency, over real sockets with a zero-cost scripted engine: connect to
 * {@code session.created}, {@code response.create} to first delta and to {@code response.done}, barge-in from the
 * input path's speech onset to the client holding {@code response.done} (cancelled), audio append throughput, and
 * concurrent sessions. Prints a table; asserts only that everything happened (never timing: two shared cores).
 * Run alone: {@code mvn -pl framework-runtime -am test -Dtest=RealtimeProtocolBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RealtimeProtocolBenchmark {
    static final int CONNECTS = 30;
    static final int TURNS = 100;
    static final int BARGE_INS = 30;
    static final int APPENDS = 1500;
    static final int CONCURRENT = 40;

    @Test
    void protocolOverhead() throws Exception {
        StringBuilder table = new StringBuilder(String.format("%nRealtime protocol layer (scripted zero-cost engine, "
                + "127.0.0.1, JDK WebSocket client), ms: median / p95 / max%n"));
        try (TestServer server = new TestServer()) {
            List<Double> connect = new ArrayList<>();
            for (int i = 0; i < CONNECTS; i++) {
                long t0 = System.nanoTime();
                try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                    connect.add(ms(t0, c.expect("session.created")));
                }
            }
            row(table, "connect → session.created (" + CONNECTS + ")", connect);

            List<Double> first = new ArrayList<>();
            List<Double> done = new ArrayList<>();
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                c.expect("session.created");
                for (int i = 0; i < TURNS; i++) {
                    long t0 = System.nanoTime();
                    c.send(TextTurnConformanceTest.USER_TEXT);
                    c.send(TextTurnConformanceTest.TEXT_RESPONSE);
                    first.add(ms(t0, c.await("response.output_text.delta")));
                    done.add(ms(t0, c.await("response.done")));
                    c.await("parley.response.timing");
                }
            }
            row(table, "text turn: send → first delta (" + TURNS + ")", first);
            row(table, "text turn: send → response.done", done);

            List<Double> bargeIn = new ArrayList<>();
            server.engines.script = spec -> List.of(new Step.Text("Hello there."), new Step.Audio(200), new Step.Hang());
            server.engines.opened.clear();
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                c.expect("session.created");
                ScriptedEngineFactory.ScriptedEngine engine = server.engines.awaitEngine();
                for (int i = 0; i < BARGE_INS; i++) {
                    c.send("{\"type\":\"response.create\"}");
                    c.await("response.output_audio.delta");
                    long utterance = i;
                    long t0 = System.nanoTime();
                    engine.fire(l -> l.speechStarted(utterance, 1000L * utterance));
                    JsonNode d = c.await("response.done");
                    assertEquals("cancelled", d.at("/response/status").asText());
                    bargeIn.add(ms(t0, d));
                    c.await("parley.response.timing");
                }
            }
            row(table, "barge-in: speech onset → client has response.done (" + BARGE_INS + ")", bargeIn);

            double appendSeconds;
            server.engines.opened.clear();
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                c.expect("session.created");
                ScriptedEngineFactory.ScriptedEngine engine = server.engines.awaitEngine();
                String chunk = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                        + Base64.getEncoder().encodeToString(new byte[960]) + "\"}"; // 20 ms at 24 kHz
                long t0 = System.nanoTime();
                for (int i = 0; i < APPENDS; i++) {
                    c.send(chunk);
                }
                c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
                c.expect("session.updated");
                appendSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(APPENDS * 960L, engine.appendedBytes);
            }
            table.append(String.format("%-58s %8.0f appends/s = %.0f× real time%n",
                    "append throughput (" + APPENDS + " × 20 ms)", APPENDS / appendSeconds,
                    APPENDS * 0.020 / appendSeconds));

            server.engines.script = ScriptedEngineFactory::echo;
            List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long w0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(pool.submit(() -> {
                    try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                        c.expect("session.created");
                        long t0 = System.nanoTime();
                        c.send(TextTurnConformanceTest.USER_TEXT);
                        c.send(TextTurnConformanceTest.TEXT_RESPONSE);
                        concurrent.add(ms(t0, c.await("response.done")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double wall = (System.nanoTime() - w0) / 1e6;
            row(table, CONCURRENT + " sessions at once: send → response.done", concurrent);
            table.append(String.format("%-58s %8.1f ms%n", "  wall time for all " + CONCURRENT + " sessions", wall));
            assertEquals(CONCURRENT, concurrent.size());
        }
        System.out.println(table);
        assertTrue(table.length() > 0);
    }

    private static double ms(long t0, JsonNode event) {
        return (event.path(RealtimeTestClient.RECEIVED_NANOS).asLong() - t0) / 1e6;
    }

    private static void row(StringBuilder t, String name, List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        t.append(String.format("%-58s %8.2f / %6.2f / %6.2f%n", name, v.get(v.size() / 2),
                v.get((int) Math.min(v.size() - 1, Math.ceil(v.size() * 0.95) - 1)), v.get(v.size() - 1)));
    }
}
