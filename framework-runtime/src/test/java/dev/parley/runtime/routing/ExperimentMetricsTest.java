package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExperimentMetricsTest {
    @Test
    void percentilesAreWithinATenthOfAPercentOfExact() {
        ExperimentMetrics m = new ExperimentMetrics();
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            values.add(i + 0.25);
        }
        Collections.shuffle(values, new Random(7));
        values.forEach(v -> m.turn("ab-test", "A", v));
        VariantSummary a = m.summaries().get(0);
        assertEquals(1000, a.turns());
        assertEquals(1000, a.timedTurns());
        // nearest-rank exact: p50 = 500.25, p90 = 900.25
        assertEquals(500.25, a.ttfaP50Ms(), 500.25 * 0.001);
        assertEquals(900.25, a.ttfaP90Ms(), 900.25 * 0.001);
        System.out.printf("ttfa over 1..1000 ms: p50 %.3f (exact 500.25), p90 %.3f (exact 900.25)%n",
                a.ttfaP50Ms(), a.ttfaP90Ms());
    }

    @Test
    void countsRatesAndUntimedTurns() {
        ExperimentMetrics m = new ExperimentMetrics();
        for (int i = 0; i < 4; i++) {
            m.assigned("sess_" + i, "ab-test", "B", "weighted");
        }
        for (int i = 0; i < 40; i++) {
            m.turn("ab-test", "B", i < 30 ? 400 : Double.NaN);
        }
        m.bargeIn("ab-test", "B");
        m.bargeIn("ab-test", "B");
        m.error("ab-test", "B", "tts_timeout");
        m.error("ab-test", "B", "tts_timeout");
        m.error("ab-test", "B", "llm_connection");
        m.turn("ab-test", "A", Double.NaN);

        List<VariantSummary> s = m.summaries();
        assertEquals(List.of("A", "B"), s.stream().map(VariantSummary::variant).toList());
        VariantSummary a = s.get(0);
        assertTrue(Double.isNaN(a.ttfaP50Ms()), "no timed turn, no percentile");
        VariantSummary b = s.get(1);
        assertEquals(4, b.sessions());
        assertEquals(40, b.turns());
        assertEquals(30, b.timedTurns());
        assertEquals(0.05, b.bargeInRate(), 1e-9);
        assertEquals(3, b.errors());
        assertEquals(java.util.Map.of("tts_timeout", 2L, "llm_connection", 1L), b.errorsByCode());
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        ExperimentMetrics m = new ExperimentMetrics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 5000; i++) {
                    m.turn("p", i % 2 == 0 ? "A" : "B", 100);
                    m.bargeIn("p", "A");
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        List<VariantSummary> s = m.summaries();
        assertEquals(10_000, s.get(0).turns());
        assertEquals(20_000, s.get(0).bargeIns());
        assertEquals(10_000, s.get(1).timedTurns());
    }
}
