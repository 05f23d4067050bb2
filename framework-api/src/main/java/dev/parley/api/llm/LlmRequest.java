package dev.parley.api.llm;

import java.util.List;

/**
 * Everything a model needs for one response.
 *
 * @param instructions    the system prompt (session or per-response instructions); may be empty
 * @param messages        conversation history, oldest first
 * @param tools           functions the model may call; empty for none
 * @param toolChoice      whether tools must or must not be used
 * @param temperature     sampling temperature, or null for the model's default
 * @param maxOutputTokens upper bound on generated tokens, or null for no limit
 */
public record LlmRequest(String instructions, List<ChatMessage> messages, List<ToolSpec> tools,
                         ToolChoice toolChoice, Double temperature, Integer maxOutputTokens) {
    public LlmRequest {
        instructions = instructions == null ? "" : instructions;
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
    }
}
