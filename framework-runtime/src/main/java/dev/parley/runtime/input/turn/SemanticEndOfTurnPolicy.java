package dev.parley.runtime.input.turn;

import dev.parley.api.turn.TurnDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code semantic_vad}: the silence that ends a turn depends on how finished the words sound. With p the
 * detector's end-of-turn probability and [min, max] the {@link Eagerness} bounds,
 * <pre>requiredSilence = min + (max − min) · (1 − p)²</pre>
 * The square makes the curve drop fast near p = 1, so a complete-sounding turn ends sooner than a usual 500 ms
 * server_vad window, while a clearly unfinished one waits up to the bound. For medium (250 ms … 4 s):
 * p 1.0 → 250 ms, 0.9 → 288 ms, 0.8 → 400 ms, 0.5 → 1.19 s, 0.2 → 2.65 s, 0.0 → 4 s. An empty transcript scores
 * 0.5 with the bundled detector. A detector that throws or returns a non-number counts as p = 0.5 (logged once).
 * Called on every silent frame, so the last transcript's answer is cached. Thread-safe.
 */
public final class SemanticEndOfTurnPolicy implements EndOfTurnPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticEndOfTurnPolicy.class);

    private record Cached(String transcript, long silenceMs) {
    }

    private final TurnDetector detector;
    private final Eagerness eagerness;
    private volatile Cached last = new Cached(null, -1);
    private volatile boolean warned;

    /**
     * @param detector  scores the transcript (shared, thread-safe)
     * @param eagerness {@code low}, {@code medium}, {@code high} or {@code auto} (null/blank = auto)
     * @throws IllegalArgumentException for another eagerness value
     */
    public SemanticEndOfTurnPolicy(TurnDetector detector, String eagerness) {
        if (detector == null) {
            throw new IllegalArgumentException("detector must not be null");
        }
        this.detector = detector;
        this.eagerness = Eagerness.parse(eagerness);
    }

    public Eagerness eagerness() {
        return eagerness;
    }

    @Override
    public long requiredSilenceMs(String transcriptSoFar) {
        String transcript = transcriptSoFar == null ? "" : transcriptSoFar;
        Cached c = last;
        if (transcript.equals(c.transcript())) {
            return c.silenceMs();
        }
        long ms = silenceFor(probability(transcript), eagerness);
        last = new Cached(transcript, ms);
        return ms;
    }

    /** The curve itself, for a probability in [0, 1] (clamped). */
    public static long silenceFor(double endProbability, Eagerness eagerness) {
        double p = Math.max(0, Math.min(1, endProbability));
        double unfinished = (1 - p) * (1 - p);
        return Math.round(eagerness.minSilenceMs() + (eagerness.maxSilenceMs() - eagerness.minSilenceMs()) * unfinished);
    }

    private double probability(String transcript) {
        try {
            double p = detector.endOfTurnProbability(transcript);
            if (!Double.isNaN(p)) {
                return p;
            }
            warnOnce("returned NaN", null);
        } catch (RuntimeException e) {
            warnOnce("failed: " + e, e);
        }
        return 0.5;
    }

    private void warnOnce(String what, Throwable e) {
        if (!warned) {
            warned = true;
            LOG.warn("turn detector {} {}; using p = 0.5", detector.getClass().getSimpleName(), what);
            if (e != null) {
                LOG.debug("turn detector failure", e);
            }
        }
    }
}
