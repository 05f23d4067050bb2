package dev.parley.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Measured values (ms) of one quantity; percentiles by nearest rank. Not thread-safe. */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        if (!Double.isNaN(v)) {
            values.add(v);
        }
    }

    List<Double> values() {
        return List.copyOf(values);
    }

    int count() {
        return values.size();
    }

    /** The {@code q}-quantile (0..1) by nearest rank; NaN when empty. */
    double quantile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double p50() {
        return quantile(0.5);
    }

    double p90() {
        return quantile(0.9);
    }

    double p99() {
        return quantile(0.99);
    }

    double max() {
        return quantile(1.0);
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }
}
