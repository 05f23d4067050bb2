package dev.parley.api.stt;

/**
 * A loaded recogniser, shared by all sessions of a pipeline (thread-safe). Opens one {@link SttStream} per
 * session.
 */
public interface SttEngine extends AutoCloseable {
    /** The sample rate the engine wants; the runtime resamples to it before {@link SttStream#accept}. */
    int sampleRate();

    /** Opens a stream for one session; callbacks go to {@code listener} on any thread. */
    SttStream open(SttListener listener);

    /** Releases models and native memory. */
    @Override
    default void close() {
    }
}
