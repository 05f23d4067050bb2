package dev.parley.api.llm;

/** Why a generation stopped on its own. */
public enum FinishReason {
    /** The model finished its answer. */
    STOP,
    /** {@link LlmRequest#maxOutputTokens()} was reached. */
    LENGTH,
    /** The model stopped to call tools. */
    TOOL_CALLS,
    /** The model's content filter stopped it. */
    CONTENT_FILTER
}
