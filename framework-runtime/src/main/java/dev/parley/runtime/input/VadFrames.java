package dev.parley.runtime.input;

/**
 * The pipeline-rate side of the input path: samples cut into VAD frames ({@link FrameAssembler}), the ring of
 * the most recent samples (prefix padding, and the audio since a speculative final), and the pipeline clock —
 * samples analysed since the session began. Frames go into the ring and onto the clock before the consumer
 * sees them.
 */
final class VadFrames {
    private final int rate;
    private final FrameAssembler frames;
    private final FrameAssembler.FrameConsumer consumer;
    private SampleRing ring = new SampleRing(1);
    private long clockSamples;

    VadFrames(int rate, int frameSamples, FrameAssembler.FrameConsumer consumer) {
        this.rate = rate;
        this.frames = new FrameAssembler(frameSamples);
        this.consumer = frame -> {
            ring.add(frame, 0, frame.length);
            clockSamples += frame.length;
            consumer.frame(frame);
        };
    }

    /** VAD mode: cuts {@code samples} into frames for the consumer. */
    void add(short[] samples) {
        frames.add(samples, consumer);
    }

    /** Manual mode: the samples only advance the clock. */
    void advance(int samples) {
        clockSamples += samples;
    }

    long clockSamples() {
        return clockSamples;
    }

    long nowMs() {
        return toMs(clockSamples);
    }

    long toMs(long samples) {
        return samples * 1000 / rate;
    }

    /** Milliseconds of audio the ring holds. */
    long heldMs() {
        return toMs(ring.size());
    }

    /** A copy of the last {@code ms} held (fewer if fewer are held). */
    short[] lastMs(long ms) {
        return ring.last((int) (ms * rate / 1000));
    }

    /** A copy of the audio since the pipeline clock read {@code sinceSamples} (as much as the ring holds). */
    short[] since(long sinceSamples) {
        return ring.last((int) Math.min(clockSamples - sinceSamples, ring.size()));
    }

    int ringCapacity() {
        return ring.capacity();
    }

    /** A new, empty ring of {@code capacity} samples. */
    void resizeRing(int capacity) {
        ring = new SampleRing(capacity);
    }

    /** See {@link FrameAssembler#align}. */
    void align(int leadSamples) {
        frames.align(leadSamples);
    }

    /** Forgets the held audio and the frame being filled (frame boundaries stay). */
    void clear() {
        ring.clear();
        frames.clear();
    }
}
