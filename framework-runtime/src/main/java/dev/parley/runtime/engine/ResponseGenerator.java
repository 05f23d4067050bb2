package dev.parley.runtime.engine;

/**
 * The response path of a session: LLM token stream → clause chunker → TTS per clause → resample/encode →
 * audio and transcript deltas (or the text-only path). Overlapped unless the pipeline says {@code overlap: false}.
 */
public interface ResponseGenerator {
    /** Starts a response; returns at once. The listener is called on the session's actor. */
    ResponseHandle start(ResponseSpec spec, ResponseListener listener);
}
