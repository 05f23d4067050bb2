package dev.parley.runtime.routing;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The running totals of one variant: sessions, turns, barge-ins, errors by code, and a histogram of time to
 * first audio in units of 0.1 ms with 3 significant digits: exact below 204.8 ms, within 0.1 % above, in constant
 * memory however many turns. Percentiles are reported as the lowest value of their histogram bucket, so a
 * round figure recorded many times reads back as itself. Thread-safe.
 */
final class VariantStats {
    /** Histogram unit: 0.1 ms, the precision journals keep. */
    private static final double UNITS_PER_MS = 10;
    /** One hour: longer waits are clamped, they are failures anyway. */
    private static final long MAX_TTFA_UNITS = 3_600_000 * 10L;

    private final Histogram ttfa = new Histogram(1, MAX_TTFA_UNITS, 3);
    private final Map<String, Long> errorsByCode = new TreeMap<>();
    private long sessions;
    private long turns;
    private long bargeIns;
    private long errors;

    synchronized void session() {
        sessions++;
    }

    synchronized void turn(double ttfaMs) {
        turns++;
        if (!Double.isNaN(ttfaMs) && ttfaMs >= 0) {
            ttfa.recordValue(Math.max(1, Math.min(MAX_TTFA_UNITS, Math.round(ttfaMs * UNITS_PER_MS))));
        }
    }

    synchronized void bargeIn() {
        bargeIns++;
    }

    synchronized void error(String code) {
        errors++;
        errorsByCode.merge(code == null ? "unknown" : code, 1L, Long::sum);
    }

    synchronized VariantSummary summary(String pipeline, String variant) {
        return new VariantSummary(pipeline, variant, sessions, turns, ttfa.getTotalCount(), percentileMs(50),
                percentileMs(90), bargeIns, errors, Map.copyOf(errorsByCode));
    }

    private double percentileMs(double percentile) {
        if (ttfa.getTotalCount() == 0) {
            return Double.NaN;
        }
        return ttfa.lowestEquivalentValue(ttfa.getValueAtPercentile(percentile)) / UNITS_PER_MS;
    }
}
