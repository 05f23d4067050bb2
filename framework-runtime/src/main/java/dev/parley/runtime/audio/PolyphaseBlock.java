package dev.parley.runtime.audio;

import java.util.concurrent.ConcurrentLinkedDeque;

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
 * after rounding to 16 bits). Immutable (one per rate pair, shared); the arrays of a call come from
 * {@link Scratch}.
 */
final class PolyphaseBlock {
    private final float[][] phases;
    private final int taps;
    private final int up;
    private final int down;

    PolyphaseBlock(float[][] phases, int taps, int up, int down) {
        this.phases = phases;
        this.taps = taps;
        this.up = up;
        this.down = down;
    }

    /**
     * Working arrays of one resampling call, pooled and shared by all streams: reused LIFO, so the arrays a call
     * gets were most likely just used on this core and are still in its cache. A pool rather than thread-locals,
     * because session work runs on short-lived virtual threads.
     */
    static final class Scratch {
        private static final ConcurrentLinkedDeque<Scratch> POOL = new ConcurrentLinkedDeque<>();
        private static final int MAX_POOLED_FLOATS = 1 << 16;

        private float[] work = new float[1024];
        private float[][] streams = new float[0][];
        private final float[][] single = new float[1][];
        private double[] acc = new double[512];

        static Scratch acquire() {
            Scratch s = POOL.pollFirst();
            return s != null ? s : new Scratch();
        }

        void release() {
            if (work.length <= MAX_POOLED_FLOATS) { // a huge one-off chunk is not kept
                POOL.offerFirst(this);
            }
        }

        /** A work array of at least {@code n} floats (contents undefined). */
        float[] work(int n) {
            if (work.length < n) {
                work = new float[n + 256];
            }
            return work;
        }
    }

    /**
     * Writes {@code n} outputs into {@code out}: output m is at upsampled position {@code firstPos + m·down},
     * i.e. at input index {@code (firstPos + m·down) / up}, which is {@code work[that − base]}.
     *
     * @param work   the input: {@code work[x]} is global input sample {@code base + x}; every output's
     *               {@code taps} inputs must be inside it
     * @param length how many entries of {@code work} are valid
     */
    void run(Scratch scratch, float[] work, int length, long base, long firstPos, int n, short[] out) {
        float[][] s = split(scratch, work, length);
        for (int c = 0; c < up && c < n; c++) {
            int count = (n - c + up - 1) / up; // outputs m = c, c+up, c+2·up, … share one phase
            long pos = firstPos + (long) c * down;
            long i = pos / up;
            float[] h = phases[(int) (pos - i * up)];
            int at = (int) (i - base); // work index of output c's newest input; then +down per same-phase output
            double[] a = accumulators(scratch, count);
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
    private float[][] split(Scratch scratch, float[] work, int length) {
        if (down == 1) {
            scratch.single[0] = work;
            return scratch.single;
        }
        int per = (length + down - 1) / down;
        if (scratch.streams.length != down || scratch.streams[0].length < per) {
            scratch.streams = new float[down][per + 64];
        }
        float[][] streams = scratch.streams;
        for (int r = 0; r < down; r++) {
            float[] st = streams[r];
            for (int x = r, t = 0; x < length; x += down, t++) {
                st[t] = work[x];
            }
        }
        return streams;
    }

    private static double[] accumulators(Scratch scratch, int count) {
        if (scratch.acc.length < count) {
            scratch.acc = new double[count + 64];
        }
        java.util.Arrays.fill(scratch.acc, 0, count, 0d);
        return scratch.acc;
    }
}
