package dev.parley.runtime.engine;

/**
 * One session's audio input path: decode the wire format → resample to the pipeline rate → keep prefix padding
 * → VAD → stream speech to STT → decide turn end. All methods are called on the session's actor; results come
 * back through the {@link InputListener}, also on the actor.
 */
public interface InputPipeline extends AutoCloseable {
    /** Audio from {@code input_audio_buffer.append}, in the current input format. */
    void append(byte[] wireAudio);

    /**
     * Manual commit ({@code input_audio_buffer.commit}): ends the current utterance and starts its final
     * transcription. Returns null when the uncommitted buffer holds less than the minimum (the session then
     * reports {@code input_audio_buffer_commit_empty}).
     */
    CommittedAudio commit();

    /** Drops uncommitted audio and any speech in progress ({@code input_audio_buffer.clear}). */
    void clear();

    /** New settings from {@code session.update}. */
    void configure(InputSettings settings);

    /** Milliseconds of audio appended in this session so far. */
    long audioMs();

    /** A response finished with nothing left to play: restart the idle timer. */
    void responseFinished();

    /**
     * A response finished and the client has {@code playbackLeftMs} of its audio still to play: the idle timer
     * counts from the end of that playback, not from {@code response.done}.
     */
    default void responseFinished(long playbackLeftMs) {
        responseFinished();
    }

    @Override
    void close();
}
