package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ContentPart;
import dev.parley.runtime.conversation.ConversationItem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Renders items as the protocol's {@code realtime.item} objects ({@link WireItem}). Audio bytes are only included
 * for {@code conversation.item.retrieved}; lifecycle events carry items without audio, as OpenAI does.
 */
public final class ItemWriter {
    private ItemWriter() {
    }

    public static WireItem write(ConversationItem item, Dialect dialect, boolean withAudio) {
        return switch (item.kind) {
            case MESSAGE -> {
                List<WireItem.Part> content = new ArrayList<>(item.content.size());
                for (ContentPart p : item.content) {
                    content.add(part(p, dialect, withAudio));
                }
                yield new WireItem.Message(item.id, WireItem.OBJECT, item.kind.wire, item.status, item.role, content);
            }
            case FUNCTION_CALL -> new WireItem.FunctionCall(item.id, WireItem.OBJECT, item.kind.wire, item.status,
                    item.name, item.callId, item.arguments);
            case FUNCTION_CALL_OUTPUT -> new WireItem.FunctionCallOutput(item.id, WireItem.OBJECT, item.kind.wire,
                    item.callId, item.output);
        };
    }

    public static WireItem.Part part(ContentPart p, Dialect dialect, boolean withAudio) {
        return switch (p.type) {
            case "input_text" -> new WireItem.TextPart("input_text", p.text);
            case "input_audio" -> new WireItem.AudioPart("input_audio", audio(p, withAudio), p.transcript);
            case "input_image" -> new WireItem.ImagePart("input_image", p.imageUrl, p.detail);
            case "text" -> new WireItem.TextPart(dialect.assistantPartType(false), p.text == null ? "" : p.text);
            case "audio" -> new WireItem.AudioPart(dialect.assistantPartType(true), audio(p, withAudio),
                    p.transcript == null ? "" : p.transcript);
            default -> new WireItem.OtherPart(p.type);
        };
    }

    private static String audio(ContentPart p, boolean withAudio) {
        return withAudio && p.audio != null ? Base64.getEncoder().encodeToString(p.audio) : null;
    }
}
