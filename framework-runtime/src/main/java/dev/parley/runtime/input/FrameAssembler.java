package dev.parley.runtime.input;

/**
 * Collects samples into the fixed-size frames a VAD takes. Frames start after a lead of silence, so that they
 * complete when the input chunk holding their last sample arrives rather than one chunk later. One frame array is
 * reused for every frame, so the per-frame path allocates nothing; the consumer must not keep the array.
 */
final class FrameAssembler {
    /** Receives each complete frame. */
    interface FrameConsumer {
        void frame(short[] frame);
    }

    private final short[] frame;
    private int filled;

    FrameAssembler(int frameSamples) {
        this.frame = new short[frameSamples];
    }

    void add(short[] samples, FrameConsumer consumer) {
        int off = 0;
        while (off < samples.length) {
            int n = Math.min(samples.length - off, frame.length - filled);
            System.arraycopy(samples, off, frame, filled, n);
            filled += n;
            off += n;
            if (filled == frame.length) {
                filled = 0;
                consumer.frame(frame);
            }
        }
    }

    /**
     * Starts afresh with {@code leadSamples} of silence in the first frame, so frames end {@code leadSamples} after
     * the multiples of the frame length (see {@code StreamingResampler.lagSamples()}).
     */
    void align(int leadSamples) {
        filled = leadSamples % frame.length;
        java.util.Arrays.fill(frame, 0, filled, (short) 0);
    }

    /** Drops the samples of the frame being filled, keeping the frame boundaries where they were. */
    void clear() {
        java.util.Arrays.fill(frame, 0, filled, (short) 0);
    }
}
