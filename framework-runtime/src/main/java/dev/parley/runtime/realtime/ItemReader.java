package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ContentPart;
import dev.parley.runtime.conversation.ConversationItem;
import java.util.List;
import java.util.Set;

/**
 * Validates a client-supplied item ({@code conversation.item.create}, {@code response.create.input}) and turns
 * it into a {@link ConversationItem}. Accepts GA and beta content type names in either dialect.
 */
public final class ItemReader {
    private static final Set<String> ITEM_KEYS = Set.of("id", "type", "object", "status", "role", "content",
            "call_id", "name", "arguments", "output");
    private static final List<String> TYPES = List.of("message", "function_call", "function_call_output",
            "item_reference");
    private static final List<String> ROLES = List.of("user", "assistant", "system");
    private static final List<String> STATUSES = List.of("completed", "incomplete", "in_progress");

    private ItemReader() {
    }

    /**
     * @param fallbackId id to use when the client gave none
     * @return the item; for {@code item_reference} a bare item whose id names the referenced one
     */
    public static ConversationItem read(ObjectNode item, String path, String fallbackId) {
        Fields.onlyKnown(item, path, ITEM_KEYS);
        String type = Fields.enumValue(item.get("type") == null ? missing(path + ".type") : item.get("type"),
                path + ".type", TYPES);
        String id = Fields.optString(item, "id", path);
        if ("item_reference".equals(type)) {
            return new ConversationItem(Fields.requireString(item, "id", path), null);
        }
        String status = item.hasNonNull("status") ? Fields.enumValue(item.get("status"), path + ".status", STATUSES)
                : "completed";
        ConversationItem out;
        switch (type) {
            case "message" -> {
                String role = Fields.enumValue(item.get("role") == null ? missing(path + ".role") : item.get("role"),
                        path + ".role", ROLES);
                out = ConversationItem.message(id == null ? fallbackId : id, role);
                readContent(out, item, path);
            }
            case "function_call" -> {
                out = new ConversationItem(id == null ? fallbackId : id, ConversationItem.Kind.FUNCTION_CALL);
                out.callId = Fields.requireString(item, "call_id", path);
                out.name = Fields.requireString(item, "name", path);
                String args = Fields.optString(item, "arguments", path);
                out.arguments = args == null ? "{}" : args;
            }
            default -> {
                out = new ConversationItem(id == null ? fallbackId : id, ConversationItem.Kind.FUNCTION_CALL_OUTPUT);
                out.callId = Fields.requireString(item, "call_id", path);
                out.output = Fields.requireString(item, "output", path);
            }
        }
        out.status = "in_progress".equals(status) ? "completed" : status;
        return out;
    }

    private static void readContent(ConversationItem out, ObjectNode item, String path) {
        JsonNode content = item.get("content");
        if (content == null || content.isNull()) {
            throw ProtocolException.missingRequired(path + ".content");
        }
        if (!content.isArray()) {
            throw ProtocolException.invalidType(path + ".content", "an array", Fields.describe(content));
        }
        List<String> allowed = switch (out.role) {
            case "user" -> List.of("input_text", "input_audio", "input_image");
            case "system" -> List.of("input_text");
            default -> List.of("output_text", "text", "output_audio", "audio");
        };
        for (int i = 0; i < content.size(); i++) {
            String p = path + ".content[" + i + "]";
            ObjectNode part = Fields.object(content.get(i), p);
            String type = Fields.enumValue(part.get("type") == null ? missing(p + ".type") : part.get("type"),
                    p + ".type", allowed);
            out.content.add(readPart(part, type, p));
        }
    }

    private static ContentPart readPart(ObjectNode part, String type, String p) {
        switch (type) {
            case "input_text", "output_text", "text" -> {
                Fields.onlyKnown(part, p, Set.of("type", "text"));
                return ContentPart.text(type.equals("input_text") ? "input_text" : "text",
                        Fields.requireString(part, "text", p));
            }
            case "input_audio" -> {
                Fields.onlyKnown(part, p, Set.of("type", "audio", "transcript"));
                ContentPart c = new ContentPart("input_audio");
                String audio = Fields.optString(part, "audio", p);
                c.audio = audio == null ? null : AudioPayload.decode(audio, p + ".audio");
                c.transcript = Fields.optString(part, "transcript", p);
                return c;
            }
            case "input_image" -> {
                Fields.onlyKnown(part, p, Set.of("type", "image_url", "detail"));
                ContentPart c = new ContentPart("input_image");
                c.imageUrl = Fields.requireString(part, "image_url", p);
                c.detail = part.hasNonNull("detail")
                        ? Fields.enumValue(part.get("detail"), p + ".detail", List.of("auto", "low", "high")) : "auto";
                return c;
            }
            default -> {
                // assistant audio: history only — a client cannot add model audio, only its transcript
                Fields.onlyKnown(part, p, Set.of("type", "transcript", "audio"));
                if (part.hasNonNull("audio")) {
                    throw ProtocolException.invalidValue(p + ".audio",
                            "Assistant audio cannot be added to the conversation; send its transcript only.");
                }
                ContentPart c = new ContentPart("text");
                c.text = Fields.optString(part, "transcript", p);
                if (c.text == null) {
                    c.text = "";
                }
                return c;
            }
        }
    }

    private static JsonNode missing(String param) {
        throw ProtocolException.missingRequired(param);
    }
}
