package dev.parley.runtime.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live per-variant totals of the sessions a server is running (and, replayed from a journal, of past runs).
 * Thread-safe; recording costs a map lookup and a short lock on the variant's totals.
 */
public final class ExperimentMetrics implements ExperimentRecorder {
    private record Key(String pipeline, String variant) {
    }

    private final Map<Key, VariantStats> stats = new ConcurrentHashMap<>();

    private VariantStats of(String pipeline, String variant) {
        return stats.computeIfAbsent(new Key(pipeline, variant == null ? "-" : variant), k -> new VariantStats());
    }

    @Override
    public void assigned(String sessionId, String pipeline, String variant, String reason) {
        of(pipeline, variant).session();
    }

    @Override
    public void turn(String pipeline, String variant, double ttfaMs) {
        of(pipeline, variant).turn(ttfaMs);
    }

    @Override
    public void bargeIn(String pipeline, String variant) {
        of(pipeline, variant).bargeIn();
    }

    @Override
    public void error(String pipeline, String variant, String code) {
        of(pipeline, variant).error(code);
    }

    /** Every variant seen so far, sorted by pipeline then variant. */
    public List<VariantSummary> summaries() {
        return stats.entrySet().stream()
                .map(e -> e.getValue().summary(e.getKey().pipeline(), e.getKey().variant()))
                .sorted(Comparator.comparing(VariantSummary::pipeline).thenComparing(VariantSummary::variant))
                .toList();
    }
}
