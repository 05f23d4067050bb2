package dev.parley.api.llm;

/** Receives a generation's output, in order, from one thread at a time. */
public interface LlmListener {
    /** Next piece of assistant text. */
    void onTextDelta(String delta);

    /**
     * A piece of a tool call as it streams: {@code callId} and {@code name} are known from the first delta of call
     * {@code index}; {@code argumentsDelta} is the next fragment of its JSON arguments (may be empty).
     */
    default void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
    }

    /** Tool call {@code index} is complete. Sent for every call, whether or not deltas preceded it. */
    void onToolCall(int index, ToolCall call);

    /** Generation finished normally. */
    void onComplete(FinishReason reason, TokenUsage usage);

    /** Generation failed; the message should be fit to show a client (no secrets). */
    void onError(LlmException error);
}
