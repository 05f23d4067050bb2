package dev.parley.runtime.engine.input;

/**
 * Collects samples into the fixed-size frames a VAD takes. One frame array is reused for every frame, so the
 * per-frame path allocates nothing; the consumer must not keep the array.
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

    void clear() {
        filled = 0;
    }
}
