package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageBandNoiseTest {

    /** On silence: RMS as asked, all of it above 4 kHz (DFT band powers of 4096 samples at 16 kHz). */
    @Test
    void theNoiseHasTheAskedRmsAndLiesInFourToEightKilohertz() {
        short[] s = new short[4096];
        new ImageBandNoise(71, 19).addTo(s, 0, s.length);
        double total = 0;
        for (short v : s) {
            total += v * (double) v;
        }
        double rms = Math.sqrt(total / s.length);
        assertTrue(Math.abs(rms - 71) < 71 * 0.08, "RMS " + rms);
        double below36 = bandPower(s, 0, 3600);
        double above44 = bandPower(s, 4400, 8000);
        double db = 10 * Math.log10(below36 / above44);
        assertTrue(db < -40, "0–3.6 kHz is " + db + " dB from 4.4–8 kHz");
    }

    @Test
    void chunksMakeOneStreamAndSpeechIsKept() {
        short[] whole = new short[1000];
        short[] chunked = new short[1000];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = (short) (i * 7);
            chunked[i] = whole[i];
        }
        new ImageBandNoise(71, 19).addTo(whole, 0, whole.length);
        ImageBandNoise n = new ImageBandNoise(71, 19);
        n.addTo(chunked, 0, 333);
        n.addTo(chunked, 333, 667);
        assertArrayEquals(whole, chunked);
        int worst = 0;
        for (int i = 0; i < whole.length; i++) {
            worst = Math.max(worst, Math.abs(whole[i] - i * 7));
        }
        assertTrue(worst > 50 && worst < 71 * 6, "largest change " + worst);
    }

    private static double bandPower(short[] s, double fromHz, double toHz) {
        int n = s.length;
        double p = 0;
        for (int k = (int) Math.ceil(fromHz * n / 16000); k <= Math.min(n / 2, (int) (toHz * n / 16000)); k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * k * i / n;
                re += s[i] * Math.cos(a);
                im += s[i] * Math.sin(a);
            }
            p += re * re + im * im;
        }
        return p;
    }
}
