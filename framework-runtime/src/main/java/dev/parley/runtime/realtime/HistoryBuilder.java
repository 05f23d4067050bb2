package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns conversation items into the model's history: user transcripts and texts, assistant text as heard
 * (truncated items hold only the heard transcript), function calls as assistant tool calls (consecutive calls
 * of one turn grouped), and function outputs as tool results.
 */
public final class HistoryBuilder {
    private HistoryBuilder() {
    }

    public static List<ChatMessage> messages(List<ConversationItem> items) {
        List<ChatMessage> out = new ArrayList<>();
        Map<String, String> toolNames = new HashMap<>();
        for (ConversationItem item : items) {
            switch (item.kind) {
                case MESSAGE -> {
                    String text = text(item);
                    if (text.isBlank()) {
                        continue;
                    }
                    switch (item.role) {
                        case "user" -> out.add(new ChatMessage.User(text));
                        case "system" -> out.add(new ChatMessage.System(text));
                        default -> out.add(new ChatMessage.Assistant(text));
                    }
                }
                case FUNCTION_CALL -> {
                    toolNames.put(item.callId, item.name);
                    ToolCall call = new ToolCall(item.callId, item.name, item.arguments);
                    ChatMessage last = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (last instanceof ChatMessage.Assistant a) {
                        List<ToolCall> calls = new ArrayList<>(a.toolCalls());
                        calls.add(call);
                        out.set(out.size() - 1, new ChatMessage.Assistant(a.text(), calls));
                    } else {
                        out.add(new ChatMessage.Assistant("", List.of(call)));
                    }
                }
                case FUNCTION_CALL_OUTPUT -> out.add(new ChatMessage.ToolResult(item.callId,
                        toolNames.getOrDefault(item.callId, ""), item.output));
            }
        }
        return out;
    }

    /** The text of a message: text parts and audio transcripts joined by spaces. */
    static String text(ConversationItem item) {
        StringBuilder sb = new StringBuilder();
        for (ContentPart p : item.content) {
            String t = switch (p.type) {
                case "input_text", "text" -> p.text;
                case "input_audio", "audio" -> p.transcript;
                default -> null;
            };
            if (t != null && !t.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(t.strip());
            }
        }
        return sb.toString();
    }

    public static List<ToolSpec> tools(JsonNode tools) {
        List<ToolSpec> out = new ArrayList<>();
        for (JsonNode t : tools) {
            JsonNode params = t.get("parameters");
            out.add(new ToolSpec(t.path("name").asText(), t.path("description").asText(""),
                    params == null || params.isNull() ? "{}" : params.toString()));
        }
        return out;
    }

    public static ToolChoice toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return ToolChoice.AUTO;
        }
        if (choice.isObject()) {
            return ToolChoice.function(choice.path("name").asText());
        }
        return switch (choice.asText()) {
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> ToolChoice.AUTO;
        };
    }
}
