package dev.parley.runtime.audio;

import java.util.Arrays;

/**
 * Converts a stream of PCM16 audio from one sample rate to another, chunk by chunk, as a rational polyphase FIR
 * resampler (upsample by L, low-pass, downsample by M) whose state carries across chunks, so chunk boundaries
 * leave no clicks. The output is time-aligned with the input (the filter delay is compensated): output sample m
 * corresponds to input time {@code m / outRate}. Call {@link #flush()} at the end of a stream for the last few
 * milliseconds the filter still holds. Not thread-safe: one instance per stream.
 *
 * <p>A stream's own state is only the filter history ({@code taps − 1} samples, ~200 bytes at 24 → 16 kHz); the
 * working arrays of a chunk come from a shared pool ({@link PolyphaseBlock.Scratch}). With hundreds of sessions
 * each appending 20 ms, per-stream working arrays were cold in the CPU cache at every chunk, and the cache misses
 * cost more than the filter arithmetic.
 */
public final class StreamingResampler {
    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final PolyphaseBlock block;
    private final int taps;
    private final int delay;
    /** The last taps-1 inputs. */
    private final float[] history;
    private long inCount;
    /** Next output position in the upsampled domain. */
    private long nextN;
    private long outCount;

    public StreamingResampler(int inRate, int outRate) {
        this(inRate, outRate, false);
    }

    /**
     * An upsampler by a whole number ({@code outRate = k × inRate}) whose every k-th output is the input sample
     * itself ({@link ResamplerFilters#interpolating}): keeping those outputs and zeroing the others
     * ({@link SpectralFold}) is then exactly zero insertion of the input, with its spectral image up to the input
     * Nyquist, which the ordinary resampler's low-pass (cutoff 0.85 × Nyquist) would have removed first.
     */
    public static StreamingResampler interpolating(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= inRate || outRate % inRate != 0) {
            throw new IllegalArgumentException("not a whole-number upsampling: " + inRate + " → " + outRate);
        }
        return new StreamingResampler(inRate, outRate, true);
    }

    private StreamingResampler(int inRate, int outRate, boolean interpolating) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " → " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        if (up == down) {
            block = null;
            taps = 1;
            delay = 0;
        } else {
            ResamplerFilters.Polyphase p = interpolating ? ResamplerFilters.interpolating(up)
                    : ResamplerFilters.forRatio(up, down);
            block = p.block();
            taps = p.tapsPerPhase();
            delay = p.delay();
        }
        this.history = new float[taps - 1];
        this.nextN = delay;
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /**
     * Output samples the filter holds back for its look-ahead (~1 ms): after any input that is a whole number of
     * rate periods, this many outputs are still owed. A consumer cutting the output into frames can start with this
     * many samples of silence so its frames end where the input chunks end, instead of waiting for the next chunk.
     */
    public int lagSamples() {
        return block == null ? 0 : delay / down;
    }

    /** True when input and output rates are equal (samples pass through unchanged). */
    public boolean isIdentity() {
        return block == null;
    }

    /** Resamples {@code len} samples from {@code in[off]}; returns the new output samples (possibly none). */
    public short[] process(short[] in, int off, int len) {
        if (block == null) {
            short[] copy = new short[len];
            System.arraycopy(in, off, copy, 0, len);
            inCount += len;
            outCount += len;
            return copy;
        }
        PolyphaseBlock.Scratch s = PolyphaseBlock.Scratch.acquire();
        try {
            float[] work = s.work(history.length + len);
            for (int i = 0; i < len; i++) {
                work[history.length + i] = in[off + i];
            }
            return run(s, work, len, Long.MAX_VALUE);
        } finally {
            s.release();
        }
    }

    /**
     * Ends the stream: emits the output still held in the filter (feeding silence), so the total output length is
     * the input length times outRate/inRate, rounded up. The resampler is then reset for a new stream.
     */
    public short[] flush() {
        if (block == null) {
            return new short[0];
        }
        long target = (inCount * up + down - 1) / down;
        int zeros = delay / up + 2;
        PolyphaseBlock.Scratch s = PolyphaseBlock.Scratch.acquire();
        short[] out;
        try {
            float[] work = s.work(history.length + zeros);
            Arrays.fill(work, history.length, history.length + zeros, 0f);
            out = run(s, work, zeros, target);
        } finally {
            s.release();
        }
        reset(); // the stream is over; the next sample starts a new one
        return out;
    }

    /** Forgets all history (a new, unrelated stream follows). */
    public void reset() {
        Arrays.fill(history, 0f);
        inCount = 0;
        outCount = 0;
        nextN = delay;
    }

    /** {@code work} holds room for the history, then {@code len} new inputs. */
    private short[] run(PolyphaseBlock.Scratch s, float[] work, int len, long maxOutCount) {
        int hist = history.length;
        System.arraycopy(history, 0, work, 0, hist);
        long base = inCount - hist; // global input index of work[0]
        long newCount = inCount + len;
        long lastN = newCount * up - 1;
        int n = nextN > lastN ? 0 : (int) ((lastN - nextN) / down + 1);
        if (outCount + n > maxOutCount) {
            n = (int) Math.max(0, maxOutCount - outCount);
        }
        short[] out = new short[n];
        block.run(s, work, hist + len, base, nextN, n, out);
        nextN += (long) n * down;
        outCount += n;
        inCount = newCount;
        System.arraycopy(work, len, history, 0, hist); // keep the last taps-1 inputs as history
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
