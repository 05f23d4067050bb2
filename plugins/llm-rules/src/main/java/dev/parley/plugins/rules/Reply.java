package dev.parley.plugins.rules;

import dev.parley.api.llm.ToolCall;

import java.util.List;

/** What a rule decided to answer: either text to say, or tool calls to make. */
sealed interface Reply {
    /** An answer to stream word by word. */
    record Text(String text) implements Reply {
    }

    /** Tool calls to stream; the generation then finishes with {@code TOOL_CALLS}. */
    record ToolCalls(List<ToolCall> calls) implements Reply {
        public ToolCalls {
            calls = List.copyOf(calls);
        }
    }

    static Reply text(String text) {
        return new Text(text);
    }
}
