package dev.parley.api.denoise;

/** A loaded noise suppressor shared by a pipeline's sessions; opens one stateful {@link DenoiseStream} per session. */
public interface DenoiseEngine extends AutoCloseable {
    /**
     * A fresh per-session suppressor.
     *
     * @param sampleRate the rate of the frames it will take (the pipeline rate, e.g. 16000)
     * @param profile    the initial tuning
     * @throws IllegalArgumentException when the engine cannot run at {@code sampleRate}
     */
    DenoiseStream open(int sampleRate, NoiseProfile profile);

    @Override
    default void close() {
    }
}
