package dev.parley.runtime.input.turn;

import dev.parley.api.turn.TurnDetector;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The silence curve and eagerness bounds, with a test-scope detector that answers from a table. */
class SemanticEndOfTurnPolicyTest {
    /** Fixed answers per transcript; counts calls so caching can be checked. */
    static final class TableDetector implements TurnDetector {
        final Map<String, Double> table;
        final AtomicInteger calls = new AtomicInteger();

        TableDetector(Map<String, Double> table) {
            this.table = table;
        }

        @Override
        public double endOfTurnProbability(String transcript) {
            calls.incrementAndGet();
            Double p = table.get(transcript);
            if (p == null) {
                throw new IllegalStateException("no score for '" + transcript + "'");
            }
            return p;
        }
    }

    final TableDetector detector = new TableDetector(Map.of(
            "turn off the lights", 0.95, "turn off the", 0.02, "", 0.5, "certain", 1.0, "never", 0.0,
            "nan", Double.NaN));

    @Test
    void completeEndsSoonerThanServerVadAndUnfinishedWaitsLonger() {
        var policy = new SemanticEndOfTurnPolicy(detector, "medium");
        long complete = policy.requiredSilenceMs("turn off the lights");
        long unfinished = policy.requiredSilenceMs("turn off the");
        assertTrue(complete < 500, "complete: " + complete);
        assertTrue(unfinished > 3_000 && unfinished <= 4_000, "unfinished: " + unfinished);
    }

    @Test
    void eagernessBoundsTheWait() {
        for (var e : Map.of("low", 8_000L, "medium", 4_000L, "high", 2_000L, "auto", 4_000L, "HIGH", 2_000L).entrySet()) {
            var policy = new SemanticEndOfTurnPolicy(detector, e.getKey());
            assertEquals(e.getValue(), policy.requiredSilenceMs("never"), e.getKey());
            long min = policy.requiredSilenceMs("certain");
            assertTrue(min >= 200 && min <= 400, e.getKey() + " min " + min);
        }
        assertEquals(Eagerness.AUTO, new SemanticEndOfTurnPolicy(detector, null).eagerness());
        assertEquals(Eagerness.AUTO, new SemanticEndOfTurnPolicy(detector, " ").eagerness());
    }

    @Test
    void curveIsMonotoneAndMatchesTheDocumentedPoints() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            long ms = SemanticEndOfTurnPolicy.silenceFor(i / 100.0, Eagerness.MEDIUM);
            assertTrue(ms <= previous, "not monotone at p=" + i / 100.0);
            previous = ms;
        }
        assertEquals(250, SemanticEndOfTurnPolicy.silenceFor(1.0, Eagerness.MEDIUM));
        assertEquals(400, SemanticEndOfTurnPolicy.silenceFor(0.8, Eagerness.MEDIUM));
        assertEquals(1188, SemanticEndOfTurnPolicy.silenceFor(0.5, Eagerness.MEDIUM));
        assertEquals(4000, SemanticEndOfTurnPolicy.silenceFor(0.0, Eagerness.MEDIUM));
        assertEquals(4000, SemanticEndOfTurnPolicy.silenceFor(-3, Eagerness.MEDIUM));
        assertEquals(250, SemanticEndOfTurnPolicy.silenceFor(7, Eagerness.MEDIUM));
    }

    @Test
    void repeatedTranscriptIsScoredOnce() {
        var policy = new SemanticEndOfTurnPolicy(detector, "auto");
        for (int i = 0; i < 50; i++) {
            policy.requiredSilenceMs("turn off the");
        }
        assertEquals(1, detector.calls.get());
        policy.requiredSilenceMs("turn off the lights");
        assertEquals(2, detector.calls.get());
    }

    @Test
    void failingDetectorFallsBackToNeutral() {
        var policy = new SemanticEndOfTurnPolicy(detector, "medium");
        long neutral = SemanticEndOfTurnPolicy.silenceFor(0.5, Eagerness.MEDIUM);
        assertEquals(neutral, policy.requiredSilenceMs("nan"));
        assertEquals(neutral, policy.requiredSilenceMs("unknown words"));
        assertEquals(neutral, policy.requiredSilenceMs(null));
    }

    @Test
    void badEagernessIsRejectedWithTheAcceptedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SemanticEndOfTurnPolicy(detector, "eager"));
        assertTrue(e.getMessage().contains("low, medium, high, auto"), e.getMessage());
    }
}
