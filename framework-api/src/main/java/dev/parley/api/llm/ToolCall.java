package dev.parley.api.llm;

/**
 * A complete tool call requested by the model.
 *
 * @param callId        the call's id, echoed by the tool result ({@code call_…})
 * @param name          the function name
 * @param argumentsJson the arguments as a JSON object string
 */
public record ToolCall(String callId, String name, String argumentsJson) {
}
