package dev.parley.runtime.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one text frame into a typed {@link ClientEvent}, checking the envelope — valid JSON object, a string
 * {@code type} among the dialect's accepted types, no top-level field the type does not define — and then the
 * event's own fields. Failures raise {@link ProtocolException} with the catalog's codes, messages and params.
 */
public final class ClientEventDecoder {
    private static final Map<String, Set<String>> GA_FIELDS = new LinkedHashMap<>();

    static {
        GA_FIELDS.put("session.update", Set.of("session"));
        GA_FIELDS.put("input_audio_buffer.append", Set.of("audio"));
        GA_FIELDS.put("input_audio_buffer.commit", Set.of());
        GA_FIELDS.put("input_audio_buffer.clear", Set.of());
        GA_FIELDS.put("conversation.item.create", Set.of("item", "previous_item_id"));
        GA_FIELDS.put("conversation.item.retrieve", Set.of("item_id"));
        GA_FIELDS.put("conversation.item.truncate", Set.of("item_id", "content_index", "audio_end_ms"));
        GA_FIELDS.put("conversation.item.delete", Set.of("item_id"));
        GA_FIELDS.put("response.create", Set.of("response"));
        GA_FIELDS.put("response.cancel", Set.of("response_id"));
        GA_FIELDS.put("session.close", Set.of());
    }

    private final Dialect dialect;
    private final List<String> supported;

    public ClientEventDecoder(Dialect dialect) {
        this.dialect = dialect;
        List<String> types = new ArrayList<>(GA_FIELDS.keySet());
        if (dialect == Dialect.BETA) {
            types.add("transcription_session.update");
        }
        this.supported = List.copyOf(types);
    }

    /** Step 1: the frame as a JSON object, or {@code invalid_json}. */
    public ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = EventEmitter.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProtocolException.invalidRequest("invalid_json", null,
                    "Invalid event: failed to parse JSON value: " + e.getOriginalMessage() + ".");
        }
        if (!(node instanceof ObjectNode event)) {
            throw ProtocolException.invalidRequest("invalid_json", null,
                    "Invalid event: expected a JSON object, got " + Fields.describe(node) + ".");
        }
        return event;
    }

    /** Step 2: the envelope of a parsed event. */
    public ClientEvent validate(ObjectNode event) {
        JsonNode type = event.get("type");
        if (type == null || type.isNull()) {
            throw ProtocolException.invalidRequest("invalid_event", null, "The 'type' field is missing.");
        }
        String t = Fields.string(type, "type");
        if (!supported.contains(t)) {
            throw ProtocolException.invalidValue("type", t, supported);
        }
        String eventId = event.hasNonNull("event_id") ? Fields.string(event.get("event_id"), "event_id") : null;
        Set<String> fields = t.equals("transcription_session.update") ? Set.of("session") : GA_FIELDS.get(t);
        for (var it = event.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("type") && !f.equals("event_id") && !fields.contains(f)) {
                throw ProtocolException.unknownParameter(f);
            }
        }
        return typed(t, eventId, event, dialect);
    }

    private static ClientEvent typed(String type, String id, ObjectNode e, Dialect dialect) {
        return switch (type) {
            case "session.update" -> SessionUpdates.decode(id, e, dialect);
            case "transcription_session.update" -> SessionUpdates.decodeTranscription(id, e);
            case "input_audio_buffer.append" -> new ClientEvent.AudioAppend(id,
                    AudioPayload.decode(Fields.requireString(e, "audio", ""), "audio"));
            case "input_audio_buffer.commit" -> new ClientEvent.AudioCommit(id);
            case "input_audio_buffer.clear" -> new ClientEvent.AudioClear(id);
            case "conversation.item.create" -> itemCreate(id, e);
            case "conversation.item.retrieve" ->
                    new ClientEvent.ItemRetrieve(id, Fields.requireString(e, "item_id", ""));
            case "conversation.item.delete" -> new ClientEvent.ItemDelete(id, Fields.requireString(e, "item_id", ""));
            case "conversation.item.truncate" -> itemTruncate(id, e);
            case "response.create" -> new ClientEvent.ResponseCreate(id, ResponseOverridesReader.read(
                    e.hasNonNull("response") ? Fields.object(e.get("response"), "response")
                            : EventEmitter.MAPPER.createObjectNode()));
            case "response.cancel" -> new ClientEvent.ResponseCancel(id, Fields.optString(e, "response_id", ""));
            case "session.close" -> new ClientEvent.SessionClose(id);
            default -> throw new IllegalStateException("no reader for accepted type " + type);
        };
    }

    private static ClientEvent itemCreate(String id, ObjectNode event) {
        ObjectNode itemJson = Fields.requireObject(event, "item", "");
        String previous = Fields.optString(event, "previous_item_id", "");
        ConversationItem item = ItemReader.read(itemJson, "item", Ids.item());
        if (item.kind == null) {
            throw ProtocolException.invalidValue("item.type",
                    "Invalid value: 'item_reference'. Item references are only allowed in response.create input.");
        }
        return new ClientEvent.ItemCreate(id, item, previous);
    }

    private static ClientEvent itemTruncate(String id, ObjectNode event) {
        String itemId = Fields.requireString(event, "item_id", "");
        long contentIndex = Fields.requireInteger(event, "content_index", "");
        long endMs = Fields.requireInteger(event, "audio_end_ms", "");
        if (endMs < 0) {
            throw ProtocolException.belowMin("audio_end_ms", 0, endMs);
        }
        return new ClientEvent.ItemTruncate(id, itemId, contentIndex, endMs);
    }

    /** The client's {@code event_id} of a parsed event if it is a string, so errors can echo it. */
    public static String eventIdOf(ObjectNode event) {
        JsonNode id = event.get("event_id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    public Dialect dialect() {
        return dialect;
    }
}
