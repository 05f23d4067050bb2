package dev.parley.runtime.audio;

/**
 * Converts a stream of PCM16 audio from one sample rate to another, chunk by chunk, as a rational polyphase FIR
 * resampler (upsample by L, low-pass, downsample by M) whose state carries across chunks, so chunk boundaries
 * leave no clicks. The output is time-aligned with the input (the filter delay is compensated): output sample m
 * corresponds to input time {@code m / outRate}. Call {@link #flush()} at the end of a stream for the last few
 * milliseconds the filter still holds. Not thread-safe: one instance per stream.
 */
public final class StreamingResampler {
    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final float[][] phases;
    private final int taps;
    private final int delay;
    private final PolyphaseBlock block;
    /** work[0 .. taps-2] is the history (the last taps-1 inputs), the rest the current chunk. */
    private float[] work;
    private long inCount;
    /** Next output position in the upsampled domain. */
    private long nextN;
    private long outCount;

    public StreamingResampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " → " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        if (up == down) {
            phases = null;
            taps = 1;
            delay = 0;
            block = null;
        } else {
            ResamplerFilters.Polyphase p = ResamplerFilters.forRatio(up, down);
            phases = p.phases();
            taps = p.tapsPerPhase();
            delay = p.delay();
            block = new PolyphaseBlock(phases, taps, up, down);
        }
        this.work = new float[taps - 1 + 512];
        this.nextN = delay;
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** True when input and output rates are equal (samples pass through unchanged). */
    public boolean isIdentity() {
        return phases == null;
    }

    /** Resamples {@code len} samples from {@code in[off]}; returns the new output samples (possibly none). */
    public short[] process(short[] in, int off, int len) {
        if (phases == null) {
            short[] copy = new short[len];
            System.arraycopy(in, off, copy, 0, len);
            inCount += len;
            outCount += len;
            return copy;
        }
        int hist = taps - 1;
        if (work.length < hist + len) {
            float[] bigger = new float[hist + len];
            System.arraycopy(work, 0, bigger, 0, hist);
            work = bigger;
        }
        for (int i = 0; i < len; i++) {
            work[hist + i] = in[off + i];
        }
        return run(len, Long.MAX_VALUE);
    }

    /**
     * Ends the stream: emits the output still held in the filter (feeding silence), so the total output length is
     * the input length times outRate/inRate, rounded up. The resampler is then reset for a new stream.
     */
    public short[] flush() {
        if (phases == null) {
            return new short[0];
        }
        long target = (inCount * up + down - 1) / down;
        int zeros = delay / up + 2;
        int hist = taps - 1;
        if (work.length < hist + zeros) {
            float[] bigger = new float[hist + zeros];
            System.arraycopy(work, 0, bigger, 0, hist);
            work = bigger;
        }
        java.util.Arrays.fill(work, hist, hist + zeros, 0f);
        short[] out = run(zeros, target);
        reset(); // the stream is over; the next sample starts a new one
        return out;
    }

    /** Forgets all history (a new, unrelated stream follows). */
    public void reset() {
        java.util.Arrays.fill(work, 0f);
        inCount = 0;
        outCount = 0;
        nextN = delay;
    }

    private short[] run(int len, long maxOutCount) {
        int hist = taps - 1;
        long base = inCount - hist; // global input index of work[0]
        long newCount = inCount + len;
        long lastN = newCount * up - 1;
        int n = nextN > lastN ? 0 : (int) ((lastN - nextN) / down + 1);
        if (outCount + n > maxOutCount) {
            n = (int) Math.max(0, maxOutCount - outCount);
        }
        short[] out = new short[n];
        block.run(work, hist + len, base, nextN, n, out);
        long pos = nextN + (long) n * down;
        nextN = pos;
        outCount += n;
        inCount = newCount;
        System.arraycopy(work, len, work, 0, hist); // keep the last taps-1 inputs as history
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
