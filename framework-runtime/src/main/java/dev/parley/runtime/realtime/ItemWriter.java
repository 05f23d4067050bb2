package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ContentPart;
import dev.parley.runtime.conversation.ConversationItem;
import java.util.Base64;

/**
 * Renders items as the protocol's {@code realtime.item} objects. Audio bytes are only included for
 * {@code conversation.item.retrieved}; lifecycle events carry items without audio, as OpenAI does.
 */
public final class ItemWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ItemWriter() {
    }

    public static ObjectNode write(ConversationItem item, Dialect dialect, boolean withAudio) {
        ObjectNode o = F.objectNode();
        o.put("id", item.id);
        o.put("object", "realtime.item");
        o.put("type", item.kind.wire);
        switch (item.kind) {
            case MESSAGE -> {
                o.put("status", item.status);
                o.put("role", item.role);
                ArrayNode content = o.putArray("content");
                for (ContentPart p : item.content) {
                    content.add(part(p, dialect, withAudio));
                }
            }
            case FUNCTION_CALL -> {
                o.put("status", item.status);
                o.put("name", item.name);
                o.put("call_id", item.callId);
                o.put("arguments", item.arguments);
            }
            case FUNCTION_CALL_OUTPUT -> {
                o.put("call_id", item.callId);
                o.put("output", item.output);
            }
        }
        return o;
    }

    public static ObjectNode part(ContentPart p, Dialect dialect, boolean withAudio) {
        ObjectNode o = F.objectNode();
        switch (p.type) {
            case "input_text" -> o.put("type", "input_text").put("text", p.text);
            case "input_audio" -> {
                o.put("type", "input_audio");
                if (withAudio && p.audio != null) {
                    o.put("audio", Base64.getEncoder().encodeToString(p.audio));
                }
                o.put("transcript", p.transcript);
            }
            case "input_image" -> o.put("type", "input_image").put("image_url", p.imageUrl).put("detail", p.detail);
            case "text" -> o.put("type", dialect.assistantPartType(false)).put("text", p.text == null ? "" : p.text);
            case "audio" -> {
                o.put("type", dialect.assistantPartType(true));
                if (withAudio && p.audio != null) {
                    o.put("audio", Base64.getEncoder().encodeToString(p.audio));
                }
                o.put("transcript", p.transcript == null ? "" : p.transcript);
            }
            default -> o.put("type", p.type);
        }
        return o;
    }
}
