package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block (SIMD-friendly) evaluation gives the direct form's output: same filter and rounding, summed in double
 * instead of float, so a sample may differ by one LSB where the float sum rounded the other way — never more, and
 * rarely.
 */
class PolyphaseBlockTest {

    /** The direct form: one output at a time, a dot product over the taps (the resampler's original loop). */
    static short[] direct(float[][] phases, int taps, float[] work, long base, long firstPos, int n, int up,
                          int down) {
        short[] out = new short[n];
        long pos = firstPos;
        for (int m = 0; m < n; m++, pos += down) {
            long i = pos / up;
            float[] h = phases[(int) (pos - i * up)];
            int at = (int) (i - base);
            float acc = 0f;
            for (int k = 0; k < taps; k++) {
                acc += h[k] * work[at - k];
            }
            int s = Math.round(acc);
            out[m] = (short) (s > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(s, Short.MIN_VALUE));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"24000,16000", "16000,24000", "48000,24000", "8000,16000", "16000,8000", "44100,16000",
            "22050,16000"})
    void blockEqualsDirectFormBitForBit(int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        int up = outRate / g;
        int down = inRate / g;
        ResamplerFilters.Polyphase p = ResamplerFilters.forRatio(up, down);
        int taps = p.tapsPerPhase();
        PolyphaseBlock block = p.block();
        PolyphaseBlock.Scratch scratch = PolyphaseBlock.Scratch.acquire();
        Random random = new Random(inRate * 31L + outRate);
        long samples = 0;
        long offByOne = 0;
        for (int round = 0; round < 40; round++) {
            int len = taps - 1 + 1 + random.nextInt(2000);
            float[] work = new float[len];
            for (int i = 0; i < len; i++) {
                work[i] = (float) (random.nextGaussian() * 9000); // loud: some outputs clip
            }
            long base = random.nextInt(100_000);
            long inCount = base + len;
            // first output whose taps all lie inside work, at a random phase
            long firstPos = (base + taps - 1) * up + random.nextInt(up);
            long lastPos = inCount * up - 1;
            int n = firstPos > lastPos ? 0 : (int) ((lastPos - firstPos) / down + 1);
            short[] got = new short[n];
            block.run(scratch, work, len, base, firstPos, n, got);
            short[] want = direct(p.phases(), taps, work, base, firstPos, n, up, down);
            assertEquals(want.length, got.length);
            for (int m = 0; m < n; m++) {
                int d = Math.abs(want[m] - got[m]);
                assertTrue(d <= 1, inRate + " -> " + outRate + ", round " + round + ", output " + m + ": direct "
                        + want[m] + ", block " + got[m]);
                offByOne += d;
            }
            samples += n;
        }
        assertTrue(offByOne * 100 < samples, offByOne + " of " + samples + " samples differ by one LSB");
    }

    @Test
    void streamsSharingTheScratchPoolDoNotDisturbEachOther() {
        short[] a = ResamplerQualityTest.tone(440, 24000, 0.5, 12000);
        short[] b = ResamplerQualityTest.tone(3000, 24000, 0.5, 9000);
        short[] aloneA = ResamplerQualityTest.resampleInChunks(a, 24000, 16000, 5);
        short[] aloneB = ResamplerQualityTest.resampleInChunks(b, 24000, 16000, 5);
        StreamingResampler ra = new StreamingResampler(24000, 16000);
        StreamingResampler rb = new StreamingResampler(24000, 16000);
        short[] outA = new short[aloneA.length];
        short[] outB = new short[aloneB.length];
        int na = 0;
        int nb = 0;
        for (int off = 0; off < a.length; off += 480) { // 20 ms chunks, the two streams interleaved
            short[] oa = ra.process(a, off, 480);
            short[] ob = rb.process(b, off, 480);
            System.arraycopy(oa, 0, outA, na, oa.length);
            System.arraycopy(ob, 0, outB, nb, ob.length);
            na += oa.length;
            nb += ob.length;
        }
        short[] ta = ra.flush();
        short[] tb = rb.flush();
        System.arraycopy(ta, 0, outA, na, ta.length);
        System.arraycopy(tb, 0, outB, nb, tb.length);
        assertEquals(aloneA.length, na + ta.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(aloneA, outA);
        org.junit.jupiter.api.Assertions.assertArrayEquals(aloneB, outB);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
