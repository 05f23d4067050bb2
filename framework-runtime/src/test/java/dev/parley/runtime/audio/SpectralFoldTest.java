package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralFoldTest {

    @Test
    void evenSamplesAreDoubledOddOnesZeroedAcrossChunks() {
        SpectralFold fold = new SpectralFold();
        short[] a = {100, 200, 300};
        short[] b = {400, -500, 20000};
        fold.apply(a, 0, a.length);
        fold.apply(b, 0, b.length);
        assertArrayEquals(new short[] {200, 0, 600}, a);
        assertArrayEquals(new short[] {0, -1000, 0}, b, "the parity carries over to the next chunk");
        short[] loud = {30000};
        new SpectralFold().apply(loud, 0, 1);
        assertArrayEquals(new short[] {Short.MAX_VALUE}, loud, "clipped, not wrapped");
    }

    /** A 1 kHz tone at 16 kHz folds into 1 kHz plus its mirror at 7 kHz, of equal strength. */
    @Test
    void aToneGetsItsMirrorImageAboveFourKilohertz() {
        int n = 1600;
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        new SpectralFold().apply(s, 0, n);
        double at1k = power(s, 1000);
        double at7k = power(s, 7000);
        double at4k = power(s, 4000);
        assertTrue(Math.abs(at1k - at7k) / at1k < 0.05, at1k + " vs " + at7k);
        assertTrue(at4k < at1k / 1000, "nothing between: " + at4k);
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
