package dev.parley.api.denoise;

/**
 * Per-session suppressor state: it learns the noise from the frames it is fed, so one stream follows one audio
 * stream, frame by frame, from one thread. The runtime cuts the session's audio into frames of
 * {@link #frameSamples()} and passes them through {@link #process} before VAD and STT see them.
 */
public interface DenoiseStream extends AutoCloseable {
    /** Samples per frame at the stream's rate, e.g. 160 (10 ms at 16 kHz). */
    int frameSamples();

    /**
     * Suppresses noise in place.
     *
     * @param frame exactly {@link #frameSamples()} PCM16 samples; overwritten with the denoised frame
     */
    void process(short[] frame);

    /** Retunes for {@code profile} from the next frame on, keeping what the stream learnt of the noise. */
    void profile(NoiseProfile profile);

    @Override
    default void close() {
    }
}
