package dev.parley.api.llm;

import java.util.List;

/**
 * One entry of the conversation history handed to a model. The runtime builds these from the conversation:
 * user transcripts and texts, assistant text as far as the user heard it, tool calls and their results.
 */
public sealed interface ChatMessage {
    /** Extra system text placed in history (session instructions travel in {@link LlmRequest#instructions()}). */
    record System(String text) implements ChatMessage {
    }

    /** What the user said or typed. */
    record User(String text) implements ChatMessage {
    }

    /** What the assistant said, and the tools it called in the same turn (may be empty). */
    record Assistant(String text, List<ToolCall> toolCalls) implements ChatMessage {
        public Assistant {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public Assistant(String text) {
            this(text, List.of());
        }
    }

    /** The result of a tool call, as the client supplied it. */
    record ToolResult(String callId, String toolName, String output) implements ChatMessage {
    }
}
