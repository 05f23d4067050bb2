package dev.parley.runtime.builtin.vad;

/**
 * How periodic a stretch of audio is in the voice pitch range: the highest local peak of the normalised
 * autocorrelation for periods of 2.5–15 ms (400–67 Hz), computed at 8 kHz. Voiced speech scores 0.6–0.95;
 * white noise, fan noise and speech-shaped noise stay low because they carry no pitch, which is what lets the
 * energy VAD tell them from speech without a model. Not thread-safe (reuses its buffers).
 */
final class PitchPeriodicity {
    private static final int MIN_LAG = 20;   // 2.5 ms at 8 kHz
    private static final int MAX_LAG = 120;  // 15 ms at 8 kHz
    private final float[] decimated;
    private final double[] prefixEnergy;

    /** @param windowSamples length of the 16 kHz windows {@link #of} will be given; at least 2 × 2 × MAX_LAG */
    PitchPeriodicity(int windowSamples) {
        if (windowSamples < 4 * MAX_LAG) {
            throw new IllegalArgumentException("window too short for pitch analysis: " + windowSamples);
        }
        decimated = new float[windowSamples / 2];
        prefixEnergy = new double[windowSamples / 2 + 1];
    }

    /** @return periodicity in [0, 1] of {@code window} (16 kHz samples, oldest first) */
    double of(float[] window) {
        int n = decimated.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            // Pair average: a cheap low-pass before halving the rate; pitch lives far below 4 kHz.
            float v = 0.5f * (window[2 * i] + window[2 * i + 1]);
            decimated[i] = v;
            mean += v;
        }
        mean /= n;
        prefixEnergy[0] = 0;
        for (int i = 0; i < n; i++) {
            decimated[i] -= (float) mean;
            prefixEnergy[i + 1] = prefixEnergy[i] + (double) decimated[i] * decimated[i];
        }
        if (prefixEnergy[n] < 1e-3) {
            return 0;
        }
        double best = 0;
        double prev2 = Double.NaN;
        double prev1 = Double.NaN;
        for (int lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
            double r = correlation(lag, n);
            // Only local maxima count: a correlation still decaying from lag 0 (strongly low-pass noise) is
            // not a pitch period.
            if (prev1 > prev2 && prev1 >= r && prev1 > best) {
                best = prev1;
            }
            prev2 = prev1;
            prev1 = r;
        }
        return Math.max(0, Math.min(1, best));
    }

    private double correlation(int lag, int n) {
        double dot = 0;
        for (int i = 0, j = lag; j < n; i++, j++) {
            dot += decimated[i] * decimated[j];
        }
        double e0 = prefixEnergy[n - lag];
        double e1 = prefixEnergy[n] - prefixEnergy[lag];
        double denom = Math.sqrt(e0 * e1);
        return denom <= 0 ? 0 : dot / denom;
    }
}
