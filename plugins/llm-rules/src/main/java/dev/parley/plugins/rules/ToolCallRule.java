package dev.parley.plugins.rules;

import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls a declared tool when the user's words ask for it (see {@link ToolMatcher}), honouring {@code tool_choice}:
 * {@code none} never calls, {@code required} calls the best match or else the first tool, a named function is
 * always called.
 */
final class ToolCallRule implements ResponderRule {
    @Override
    public Optional<Reply> reply(Conversation c) {
        if (c.tools().isEmpty() || c.toolChoice().mode() == ToolChoice.Mode.NONE) {
            return Optional.empty();
        }
        Optional<ToolSpec> tool = switch (c.toolChoice().mode()) {
            case FUNCTION -> c.tools().stream().filter(t -> t.name().equals(c.toolChoice().functionName()))
                    .findFirst();
            case REQUIRED -> ToolMatcher.match(c.normalized(), c.tools()).or(() -> Optional.of(c.tools().get(0)));
            default -> ToolMatcher.match(c.normalized(), c.tools());
        };
        return tool.map(t -> new Reply.ToolCalls(List.of(new ToolCall(newCallId(), t.name(),
                ToolArguments.fill(t.parametersJsonSchema(), c.userText())))));
    }

    /** OpenAI-style call id: {@code call_} and 24 hex characters. */
    static String newCallId() {
        return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
