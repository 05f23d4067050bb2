package dev.parley.runtime.audio;

import com.github.psambit9791.jdsp.filter.FIRWin1;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anti-aliasing low-pass filters for {@link StreamingResampler}, designed with jDSP's Kaiser-window FIR
 * (the same design as scipy's {@code resample_poly}, with a longer filter and a cutoff just below the lower
 * Nyquist so that a tone above it is suppressed by about 60 dB), split into polyphase branches.
 * Designed once per rate pair and shared by every session, so a session's resamplers cost only their history.
 */
final class ResamplerFilters {
    /** Filter half-length per unit of max(up, down): 16 gives a ~1.8 kHz transition at 24→16 kHz. */
    static final int HALF_LEN_PER_RATE = 16;
    /** Kaiser beta for ~60 dB stop-band attenuation (0.1102 × (60 − 8.7)). */
    static final double KAISER_BETA = 5.65;
    /** Cutoff as a fraction of the lower Nyquist: keeps the transition band below it. */
    static final double CUTOFF_FRACTION = 0.85;

    /** Polyphase branches: {@code phases[p][k] = up × h[p + k·up]}; {@code delay} is the group delay (upsampled). */
    record Polyphase(float[][] phases, int tapsPerPhase, int delay, PolyphaseBlock block) {
        Polyphase(float[][] phases, int tapsPerPhase, int delay, int up, int down) {
            this(phases, tapsPerPhase, delay, new PolyphaseBlock(phases, tapsPerPhase, up, down));
        }
    }

    private static final Map<Long, Polyphase> CACHE = new ConcurrentHashMap<>();

    private ResamplerFilters() {
    }

    static Polyphase forRatio(int up, int down) {
        return CACHE.computeIfAbsent(((long) up << 32) | down, k -> design(up, down, CUTOFF_FRACTION, true));
    }

    /**
     * For upsampling by the whole number {@code up}: the cutoff is the input's Nyquist itself, so the windowed sinc
     * is zero at every {@code up}-th tap from its centre and every {@code up}-th output is an input sample,
     * unchanged. The price is a transition band centred on the input Nyquist (−6 dB there, images leak up to
     * ~0.4 kHz above it at 8 → 16 kHz) instead of below it. Not rescaled to unit DC gain: the rescaling moved the
     * centre tap by ~2·10⁻⁴ (5 LSB on loud samples), and the unscaled centre tap is exactly 1/up.
     */
    static Polyphase interpolating(int up) {
        return CACHE.computeIfAbsent(Long.MIN_VALUE | ((long) up << 32) | 1, k -> design(up, 1, 1.0, false));
    }

    private static Polyphase design(int up, int down, double cutoffFraction, boolean unitDcGain) {
        int maxRate = Math.max(up, down);
        int halfLen = HALF_LEN_PER_RATE * maxRate;
        int numTaps = 2 * halfLen + 1;
        double[] h = new FIRWin1(numTaps, KAISER_BETA, true)
                .computeCoefficients(new double[] {cutoffFraction / maxRate}, FIRWin1.FIRfilterType.LOWPASS,
                        unitDcGain);
        int tapsPerPhase = (numTaps + up - 1) / up;
        float[][] phases = new float[up][tapsPerPhase];
        for (int j = 0; j < numTaps; j++) {
            phases[j % up][j / up] = (float) (h[j] * up);
        }
        return new Polyphase(phases, tapsPerPhase, halfLen, up, down);
    }
}
