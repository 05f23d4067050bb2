package dev.parley.api.vad;

/**
 * Per-session detector state. Fed frame by frame from one thread. The runtime turns the probabilities into
 * speech onset and offset using the session's {@code threshold} (0–1, as the OpenAI protocol defines it), so a
 * detector's probability should be calibrated so that 0.5 is a sensible default threshold.
 */
public interface VadStream extends AutoCloseable {
    /**
     * @param frame exactly {@link VadEngine#frameSamples()} samples at {@link VadEngine#sampleRate()}
     * @return probability in [0, 1] that the frame contains speech
     */
    float speechProbability(short[] frame);

    /** Forgets history (after a session's buffer is cleared). */
    void reset();

    @Override
    default void close() {
    }
}
