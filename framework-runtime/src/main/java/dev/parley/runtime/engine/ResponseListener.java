package dev.parley.runtime.engine;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;

/**
 * What the response path reports to its session, in order, on the session's {@link SessionActor}. After
 * {@link ResponseHandle#cancel()} the session ignores anything still queued.
 */
public interface ResponseListener {
    /**
     * Next piece of the assistant's text. For audio responses this is the transcript, released when the audio
     * of the clause it belongs to starts, so transcript and speech stay together.
     */
    void textDelta(String delta);

    /** Next piece of speech, already in the output wire format (20–100 ms). */
    void audioDelta(byte[] wireAudio, long durationMs);

    /** A streamed tool call fragment (see {@link dev.parley.api.llm.LlmListener#onToolCallDelta}). */
    void toolCallDelta(int index, String callId, String name, String argumentsDelta);

    /** Tool call {@code index} is complete. */
    void toolCall(int index, ToolCall call);

    /** All text, audio and tool calls have been delivered. */
    void completed(FinishReason reason, TokenUsage usage);

    /**
     * The model went silent after its first tokens and was cut off; everything it had said has been delivered
     * (spoken). The response ends incomplete rather than failed.
     */
    default void modelStalled(TokenUsage usage) {
        completed(FinishReason.STOP, usage);
    }

    /**
     * The response failed (component error or timeout).
     *
     * @param code    stable error code, e.g. {@code llm_authentication}, {@code tts_timeout}
     * @param message clear text for the client
     */
    void failed(String code, String message);
}
