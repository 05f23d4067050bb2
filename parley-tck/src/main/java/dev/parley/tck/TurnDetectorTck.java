package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.turn.TurnDetectorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance suite for semantic turn detectors ({@link TurnDetectorProvider}, {@link TurnDetector}). It checks:
 * <ul>
 *   <li>a probability in [0, 1] for any transcript: empty, one word, punctuation only, long, non-ASCII;</li>
 *   <li>the same transcript always scores the same;</li>
 *   <li>cheap: the mean call costs under {@link TckBounds#TURN_MEAN_CALL_MS} ms (the SPI asks for microseconds;
 *       the runtime calls it on every silent frame);</li>
 *   <li>thread-safe: four threads at once get the scores one thread gets;</li>
 *   <li>complete-sounding utterances ({@link #completeUtterances()}) score higher on average than unfinished
 *       ones ({@link #unfinishedUtterances()}).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TurnDetectorTck {
    private TurnDetector detector;

    protected abstract TurnDetectorProvider provider();

    protected ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Utterances a listener would take as finished. */
    protected List<String> completeUtterances() {
        return List.of("what time is it", "I would like to book a table for two tonight",
                "can you tell me the weather tomorrow", "thank you very much", "turn off the lights please");
    }

    /** The same kind of utterances cut off where a speaker pauses mid-sentence. */
    protected List<String> unfinishedUtterances() {
        return List.of("what time is the", "I would like to book a table for",
                "can you tell me the weather and", "thank you for the", "turn off the lights in the");
    }

    protected final TurnDetector detector() {
        if (detector == null) {
            detector = provider().create(config());
            assertNotNull(detector, provider().id() + ": create() returned null");
        }
        return detector;
    }

    @AfterAll
    void closeDetector() {
        if (detector != null) {
            detector.close();
        }
    }

    private List<String> allTranscripts() {
        List<String> all = new ArrayList<>(List.of("", " ", "yes", "...", "?!", "is it ready?",
                "Straße café naïve 東京",
                "and then and then and then ".repeat(40)));
        all.addAll(completeUtterances());
        all.addAll(unfinishedUtterances());
        return all;
    }

    @Test
    void scoresEveryTranscriptInZeroToOne() {
        for (String t : allTranscripts()) {
            double p = detector().endOfTurnProbability(t);
            assertTrue(p >= 0 && p <= 1, "'" + t + "' scored " + p + ", outside [0, 1]");
        }
    }

    @Test
    void scoresTheSameTranscriptTheSame() {
        for (String t : allTranscripts()) {
            assertEquals(detector().endOfTurnProbability(t), detector().endOfTurnProbability(t), 0.0,
                    "'" + t + "' scored differently twice");
        }
    }

    @Test
    void costsMicrosecondsPerCall() {
        List<String> all = allTranscripts();
        for (int i = 0; i < 200; i++) {
            detector().endOfTurnProbability(all.get(i % all.size()));
        }
        int n = 2000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            detector().endOfTurnProbability(all.get(i % all.size()));
        }
        double meanMs = (System.nanoTime() - t0) / 1e6 / n;
        assertTrue(meanMs < TckBounds.TURN_MEAN_CALL_MS, "mean call " + meanMs + " ms, bound "
                + TckBounds.TURN_MEAN_CALL_MS + " ms");
    }

    @Test
    void givesTheSameScoresFromFourThreadsAtOnce() throws Exception {
        List<String> all = allTranscripts();
        List<Double> serial = all.stream().map(t -> detector().endOfTurnProbability(t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Double>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    List<Double> out = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        out.clear();
                        for (String t : all) {
                            out.add(detector().endOfTurnProbability(t));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Double>> run : runs) {
                assertEquals(serial, run.get(), "concurrent calls scored differently from serial ones");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoresCompleteUtterancesAboveUnfinishedOnes() {
        double complete = mean(completeUtterances());
        double unfinished = mean(unfinishedUtterances());
        assertTrue(complete > unfinished, "mean score of complete utterances " + complete
                + " is not above that of unfinished ones " + unfinished);
    }

    private double mean(List<String> ts) {
        return ts.stream().mapToDouble(t -> detector().endOfTurnProbability(t)).average().orElse(0);
    }
}
