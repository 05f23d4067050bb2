package dev.parley.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap of the difference of one quantile between two samples (a − b): both sides resampled with
 * replacement {@link #ROUNDS} times, the 2.5th and 97.5th percentiles of the resampled differences as the 95 %
 * interval. Seeded, so a run's figures can be recomputed from its samples. An interval that holds 0 means the run
 * cannot tell the sides apart at that quantile.
 */
final class BootstrapDiff {
    static final int ROUNDS = 2000;

    /** The difference of the {@code q}-quantiles and its 95 % interval. */
    record Interval(double diff, double low, double high) {
        @Override
        public String toString() {
            return Samples.ms(diff) + " [" + Samples.ms(low) + ", " + Samples.ms(high) + "]";
        }
    }

    private BootstrapDiff() {
    }

    static Interval of(List<Double> a, List<Double> b, double q, long seed) {
        if (a.isEmpty() || b.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        double[] diffs = new double[ROUNDS];
        double[] rx = new double[x.length];
        double[] ry = new double[y.length];
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < rx.length; i++) {
                rx[i] = x[random.nextInt(x.length)];
            }
            for (int i = 0; i < ry.length; i++) {
                ry[i] = y[random.nextInt(y.length)];
            }
            diffs[r] = quantile(rx, q) - quantile(ry, q);
        }
        Arrays.sort(diffs);
        return new Interval(quantile(x.clone(), q) - quantile(y.clone(), q), diffs[(int) (0.025 * ROUNDS)],
                diffs[(int) (0.975 * ROUNDS) - 1]);
    }

    /** Nearest rank, as {@link Samples#quantile}; sorts {@code v} in place. */
    static double quantile(double[] v, double q) {
        Arrays.sort(v);
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
