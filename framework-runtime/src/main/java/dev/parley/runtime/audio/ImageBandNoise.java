package dev.parley.runtime.audio;

import com.github.psambit9791.jdsp.filter.FIRWin1;
import java.util.Random;

/**
 * A faint, seeded noise floor in the upper half of the band (4–8 kHz at 16 kHz), added to zero-inserted narrowband
 * speech for a wideband recogniser. Zero insertion mirrors the speech into 4–8 kHz, but between words and
 * wherever the telephone band had nothing the mirror is silent too, far quieter than any band of the wideband
 * speech the model was trained on. White noise is low-passed to 0–4 kHz (a 129-tap Kaiser windowed sinc, cutoff at
 * 4 kHz) and then multiplied by (−1)ⁿ, which moves it to 4–8 kHz. Seeded, so a stream decodes the same every
 * time.
 * Stateful (the filter's noise history and the sign), so chunks of any size make one stream.
 */
public final class ImageBandNoise {
    private static final int HALF = 64;
    private static final double[] TAPS = new FIRWin1(2 * HALF + 1, 5.65, true)
            .computeCoefficients(new double[] {0.5}, FIRWin1.FIRfilterType.LOWPASS, true);

    private final double whiteRms;
    private final Random random;
    private final double[] white = new double[TAPS.length];
    private int newest;
    private boolean negate;

    /**
     * @param rms  the noise's RMS in 4–8 kHz, in sample units (full scale 32768)
     * @param seed seeds the noise
     */
    public ImageBandNoise(double rms, long seed) {
        // the low-pass keeps half of white noise's power (0–4 of 0–8 kHz)
        this.whiteRms = rms * Math.sqrt(2);
        this.random = new Random(seed);
        for (int i = 0; i < white.length; i++) {
            white[i] = random.nextGaussian() * whiteRms;
        }
    }

    /** Adds the noise to {@code len} samples of {@code s} from {@code off}, in place, clipping at full scale. */
    public void addTo(short[] s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            newest = (newest + 1) % white.length;
            white[newest] = random.nextGaussian() * whiteRms;
            double lp = 0;
            for (int k = 0; k < TAPS.length; k++) {
                lp += TAPS[k] * white[(newest - k + white.length) % white.length];
            }
            double v = s[i] + (negate ? -lp : lp);
            negate = !negate;
            s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
    }
}
