package dev.parley.runtime.routing;

import java.util.Map;

/**
 * What one variant of an experiment did, for reports.
 *
 * @param pipeline     the pipeline's name
 * @param variant      the variant's name
 * @param sessions     sessions assigned to it
 * @param turns        responses delivered
 * @param timedTurns   turns whose time to first audio was known
 * @param ttfaP50Ms    median time to first audio, ms; NaN when no turn was timed
 * @param ttfaP90Ms    90th percentile, ms; NaN when no turn was timed
 * @param bargeIns     responses the user cut off
 * @param errors       failed responses and transcriptions
 * @param errorsByCode errors per error code
 */
public record VariantSummary(String pipeline, String variant, long sessions, long turns, long timedTurns,
                             double ttfaP50Ms, double ttfaP90Ms, long bargeIns, long errors,
                             Map<String, Long> errorsByCode) {
    /** Barge-ins per turn, 0–1; NaN before the first turn. */
    public double bargeInRate() {
        return turns == 0 ? Double.NaN : (double) bargeIns / turns;
    }

    /** Mean turns per session; NaN before the first session. */
    public double turnsPerSession() {
        return sessions == 0 ? Double.NaN : (double) turns / sessions;
    }

    /** Errors per turn; NaN before the first turn. */
    public double errorRate() {
        return turns == 0 ? Double.NaN : (double) errors / turns;
    }
}
