package dev.parley.runtime.conversation;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns conversation items into the model's history: user transcripts and texts, assistant text as heard
 * (truncated items hold only the heard transcript), function calls as assistant tool calls (consecutive calls
 * of one turn grouped), and function outputs as tool results. {@link HistoryRetention} decides how much of the
 * oldest history is left out.
 */
public final class History {
    private History() {
    }

    public static List<ChatMessage> messages(List<ConversationItem> items) {
        return messages(items, HistoryRetention.KEEP_ALL);
    }

    public static List<ChatMessage> messages(List<ConversationItem> items, HistoryRetention retention) {
        return retained(build(items), retention);
    }

    private static List<ChatMessage> build(List<ConversationItem> items) {
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

    /**
     * Over the limit, keeps the newest messages that fit in {@code ratio × limit} (at least the newest one). A
     * tool result is never kept without the call before it: the cut moves past it.
     */
    static List<ChatMessage> retained(List<ChatMessage> messages, HistoryRetention retention) {
        if (retention.tokenLimit() <= 0 || messages.isEmpty()) {
            return messages;
        }
        int[] tokens = new int[messages.size()];
        long total = 0;
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = HistoryRetention.estimateTokens(describe(messages.get(i)));
            total += tokens[i];
        }
        if (total <= retention.tokenLimit()) {
            return messages;
        }
        long budget = (long) Math.floor(retention.ratio() * retention.tokenLimit());
        int from = messages.size() - 1;
        long kept = tokens[from];
        while (from > 0 && kept + tokens[from - 1] <= budget) {
            from--;
            kept += tokens[from];
        }
        while (from < messages.size() - 1 && messages.get(from) instanceof ChatMessage.ToolResult) {
            from++;
        }
        return List.copyOf(messages.subList(from, messages.size()));
    }

    private static String describe(ChatMessage m) {
        return switch (m) {
            case ChatMessage.User u -> u.text();
            case ChatMessage.System s -> s.text();
            case ChatMessage.Assistant a -> a.text() + a.toolCalls().stream()
                    .map(c -> c.name() + c.argumentsJson()).reduce("", String::concat);
            case ChatMessage.ToolResult r -> r.output();
        };
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
}
