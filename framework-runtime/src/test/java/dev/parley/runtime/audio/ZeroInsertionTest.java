package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamingResampler#interpolating} followed by {@link SpectralFold} is zero insertion of the 8 kHz samples:
 * measured on real numbers, in chunks as the input path delivers them.
 */
class ZeroInsertionTest {

    @Test
    void everyOtherOutputIsTheInputSampleAcrossChunks() {
        Random random = new Random(19);
        short[] in = new short[8000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (random.nextGaussian() * 6000);
        }
        short[] out = chunked(StreamingResampler.interpolating(8000, 16000), in, 160);
        assertEquals(2 * in.length, out.length);
        int worst = 0;
        for (int m = 0; m < in.length; m++) {
            worst = Math.max(worst, Math.abs(out[2 * m] - in[m]));
        }
        assertTrue(worst <= 1, "even outputs differ from the input by up to " + worst + " LSB");
    }

    @Test
    void aOneKilohertzToneGetsItsImageAtSevenKilohertzAtTheSameLevel() {
        short[] folded = foldedUpsampled(tone(1000, 8000, 8000), true);
        double at1k = power(folded, 1000);
        double at7k = power(folded, 7000);
        double db = 10 * Math.log10(at7k / at1k);
        assertTrue(Math.abs(db) < 0.1, "image at 7 kHz is " + db + " dB from the tone");
        // zero insertion with the fold's ×2: the tone keeps its 8 kHz level (amplitude 8000 → power n²·a²/4)
        double expected = Math.pow(folded.length * 8000 / 2.0, 2);
        assertTrue(Math.abs(10 * Math.log10(at1k / expected)) < 0.1, "tone level " + at1k + " vs " + expected);
    }

    /** Near the band edge the ordinary resampler's low-pass removes what zero insertion keeps (and mirrors). */
    @Test
    void aToneAtThreePointEightKilohertzSurvivesOnlyTheInterpolatingPath() {
        short[] tone = tone(3800, 8000, 8000);
        short[] kept = foldedUpsampled(tone, true);
        short[] lowpassed = foldedUpsampled(tone, false);
        double keptDb = 10 * Math.log10(power(kept, 3800) / Math.pow(kept.length * 8000 / 2.0, 2));
        double imageDb = 10 * Math.log10(power(kept, 4200) / power(kept, 3800));
        double lowDb = 10 * Math.log10(power(lowpassed, 3800) / Math.pow(lowpassed.length * 8000 / 2.0, 2));
        assertTrue(Math.abs(keptDb) < 0.1, "interpolating + fold: 3.8 kHz at " + keptDb + " dB");
        assertTrue(Math.abs(imageDb) < 0.1, "its image at 4.2 kHz: " + imageDb + " dB");
        assertTrue(lowDb < -40, "low-pass + fold: 3.8 kHz at " + lowDb + " dB");
    }

    @Test
    void onlyWholeNumberUpsamplingIsInterpolating() {
        assertThrows(IllegalArgumentException.class, () -> StreamingResampler.interpolating(16000, 24000));
        assertThrows(IllegalArgumentException.class, () -> StreamingResampler.interpolating(16000, 8000));
    }

    private static short[] foldedUpsampled(short[] at8k, boolean interpolating) {
        StreamingResampler r = interpolating ? StreamingResampler.interpolating(8000, 16000)
                : new StreamingResampler(8000, 16000);
        short[] up = chunked(r, at8k, 160);
        new SpectralFold().apply(up, 0, up.length);
        // skip the filter's start-up and tail: whole periods of the tones in between
        short[] mid = new short[12000];
        System.arraycopy(up, 2000, mid, 0, mid.length);
        return mid;
    }

    private static short[] chunked(StreamingResampler r, short[] in, int chunk) {
        short[] out = new short[0];
        for (int off = 0; off < in.length; off += chunk) {
            out = concat(out, r.process(in, off, Math.min(chunk, in.length - off)));
        }
        return concat(out, r.flush());
    }

    private static short[] concat(short[] a, short[] b) {
        short[] c = new short[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static short[] tone(double hz, int rate, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    private static double power(short[] s, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < s.length; i++) {
            re += s[i] * Math.cos(2 * Math.PI * hz * i / 16000.0);
            im += s[i] * Math.sin(2 * Math.PI * hz * i / 16000.0);
        }
        return re * re + im * im;
    }
}
