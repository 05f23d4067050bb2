package dev.parley.api.vad;

/** A loaded detector shared by a pipeline's sessions; opens one stateful {@link VadStream} per session. */
public interface VadEngine extends AutoCloseable {
    /** Sample rate of the frames the detector takes, e.g. 16000. */
    int sampleRate();

    /** Samples per frame, e.g. 512 for Silero at 16 kHz. */
    int frameSamples();

    /** A fresh per-session detector. */
    VadStream open();

    @Override
    default void close() {
    }
}
