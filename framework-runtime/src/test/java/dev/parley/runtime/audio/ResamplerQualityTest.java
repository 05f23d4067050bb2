package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerQualityTest {

    static short[] tone(double freq, int rate, double seconds, double amplitude) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return s;
    }

    /** RMS of the middle of the signal (edges hold the filter's start-up). */
    static double rms(short[] s) {
        int from = s.length / 10;
        int to = s.length - s.length / 10;
        double acc = 0;
        for (int i = from; i < to; i++) {
            acc += (double) s[i] * s[i];
        }
        return Math.sqrt(acc / (to - from));
    }

    static short[] resampleInChunks(short[] in, int inRate, int outRate, long seed) {
        StreamingResampler r = new StreamingResampler(inRate, outRate);
        Random random = new Random(seed);
        short[] out = new short[in.length * outRate / inRate + 16];
        int n = 0;
        int off = 0;
        while (off < in.length) {
            int len = Math.min(in.length - off, 1 + random.nextInt(700));
            short[] o = r.process(in, off, len);
            System.arraycopy(o, 0, out, n, o.length);
            n += o.length;
            off += len;
        }
        short[] tail = r.flush();
        System.arraycopy(tail, 0, out, n, tail.length);
        return java.util.Arrays.copyOf(out, n + tail.length);
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    @Test
    void oneKilohertzSurvivesEveryProtocolConversion() {
        int[][] pairs = {{24000, 16000}, {16000, 24000}, {8000, 16000}, {16000, 8000}, {48000, 24000},
                         {24000, 8000}, {22050, 24000}, {44100, 16000}};
        for (int[] p : pairs) {
            short[] in = tone(1000, p[0], 1.0, 10000);
            short[] out = resampleInChunks(in, p[0], p[1], 7);
            assertEquals((long) in.length * p[1] / p[0], out.length, 1, "length " + p[0] + "→" + p[1]);
            double gainDb = db(rms(out) / rms(in));
            assertTrue(Math.abs(gainDb) < 0.5, p[0] + "→" + p[1] + ": 1 kHz changed by " + gainDb + " dB");
        }
    }

    @Test
    void toneAboveTheNewNyquistIsAttenuatedByAtLeast40Db() {
        int[][] cases = {{24000, 16000, 10000}, {24000, 8000, 5000}, {16000, 8000, 6000}, {48000, 24000, 14000},
                         {24000, 16000, 9000}};
        for (int[] c : cases) {
            short[] in = tone(c[2], c[0], 1.0, 10000);
            short[] out = resampleInChunks(in, c[0], c[1], 3);
            double attenuation = -db(rms(out) / rms(in));
            assertTrue(attenuation >= 40, c[0] + "→" + c[1] + " tone " + c[2] + " Hz only " + attenuation + " dB down");
        }
    }

    @Test
    void upsamplingSuppressesTheImage() {
        // 1 kHz at 8 kHz upsampled to 24 kHz: a naive zero-stuffer would leave images at 7 and 9 kHz.
        short[] out = resampleInChunks(tone(1000, 8000, 1.0, 10000), 8000, 24000, 5);
        double total = rms(out);
        double fundamental = goertzelAmplitude(out, 24000, 1000);
        double image = goertzelAmplitude(out, 24000, 7000);
        assertTrue(db(fundamental / image) > 40, "image only " + db(fundamental / image) + " dB below");
        assertTrue(total > 6000, "fundamental lost");
    }

    @Test
    void chunkBoundariesDoNotChangeTheOutput() {
        short[] in = tone(440, 24000, 0.5, 12000);
        assertArrayEquals(resampleInChunks(in, 24000, 16000, 1), resampleInChunks(in, 24000, 16000, 99));
    }

    @Test
    void equalRatesPassThrough() {
        StreamingResampler r = new StreamingResampler(16000, 16000);
        short[] in = {1, 2, 3, -4};
        assertTrue(r.isIdentity());
        assertArrayEquals(in, r.process(in, 0, 4));
        assertEquals(0, r.flush().length);
    }

    @Test
    void outputIsTimeAlignedWithInput() {
        // An impulse at input sample 2400 (100 ms at 24 kHz) peaks at output sample 1600 (100 ms at 16 kHz).
        short[] in = new short[4800];
        in[2400] = 20000;
        short[] out = resampleInChunks(in, 24000, 16000, 11);
        int peak = 0;
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        assertEquals(1600, peak, 1);
    }

    static double goertzelAmplitude(short[] s, int rate, double freq) {
        int from = s.length / 10;
        int n = s.length - 2 * from;
        double w = 2 * Math.PI * freq / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double s0 = s[from + i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(power) / n;
    }
}
