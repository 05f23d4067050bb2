package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code response.create.response} (GA and beta keys) into {@link ResponseOptions}. */
public final class ResponseOptionsReader {
    private static final Set<String> KEYS = Set.of("conversation", "input", "instructions", "output_modalities",
            "audio", "tools", "tool_choice", "max_output_tokens", "metadata", "prompt", "reasoning",
            "parallel_tool_calls", "temperature", "modalities", "voice", "output_audio_format",
            "max_response_output_tokens");

    private ResponseOptionsReader() {
    }

    public static ResponseOptions read(ObjectNode r, SessionConfig session, Conversation conversation) {
        String path = "response";
        Fields.onlyKnown(r, path, KEYS);
        ResponseOptions base = ResponseOptions.of(session);
        boolean audio = base.audio();
        String instructions = base.instructions();
        String voice = base.voice();
        WireFormat format = base.outputFormat();
        ArrayNode tools = base.tools();
        JsonNode toolChoice = base.toolChoice();
        Integer max = base.maxOutputTokens();
        Double temperature = base.temperature();
        boolean outOfBand = false;
        if (r.hasNonNull("conversation")) {
            String conv = Fields.string(r.get("conversation"), path + ".conversation");
            if (!conv.equals("auto") && !conv.equals("none") && !conv.equals(conversation.id())) {
                throw ProtocolException.invalidValue(path + ".conversation", conv, List.of("auto", "none"));
            }
            outOfBand = conv.equals("none");
        }
        if (r.hasNonNull("instructions")) {
            instructions = Fields.string(r.get("instructions"), path + ".instructions");
        }
        for (String key : List.of("output_modalities", "modalities")) {
            if (r.hasNonNull(key)) {
                audio = SessionValues.audioModality(r.get(key), path + "." + key);
            }
        }
        if (r.hasNonNull("audio")) {
            ObjectNode a = Fields.object(r.get("audio"), path + ".audio");
            Fields.onlyKnown(a, path + ".audio", Set.of("output"));
            if (a.hasNonNull("output")) {
                String p = path + ".audio.output";
                ObjectNode out = Fields.object(a.get("output"), p);
                Fields.onlyKnown(out, p, Set.of("format", "voice", "speed"));
                if (out.hasNonNull("format")) {
                    format = SessionValues.format(out.get("format"), p + ".format");
                }
                if (out.hasNonNull("voice")) {
                    voice = SessionValues.voice(out.get("voice"), p + ".voice");
                }
            }
        }
        if (r.hasNonNull("voice")) {
            voice = SessionValues.voice(r.get("voice"), path + ".voice");
        }
        if (r.hasNonNull("output_audio_format")) {
            format = SessionValues.betaFormat(r.get("output_audio_format"), path + ".output_audio_format");
        }
        if (r.hasNonNull("tools")) {
            tools = SessionValues.tools(r.get("tools"), path + ".tools");
        }
        if (r.hasNonNull("tool_choice")) {
            toolChoice = SessionValues.toolChoice(r.get("tool_choice"), path + ".tool_choice");
        }
        for (String key : List.of("max_output_tokens", "max_response_output_tokens")) {
            if (r.hasNonNull(key)) {
                max = SessionValues.maxTokens(r.get(key), path + "." + key);
            }
        }
        if (r.has("temperature")) {
            temperature = SessionValues.temperature(r.get("temperature"), path + ".temperature");
        }
        ObjectNode metadata = r.hasNonNull("metadata") ? metadata(r.get("metadata"), path + ".metadata") : null;
        List<ConversationItem> input = r.has("input") ? input(r.get("input"), path + ".input", conversation) : null;
        return new ResponseOptions(audio, instructions, voice, base.speed(), format, tools, toolChoice, max,
                temperature, metadata, outOfBand, input);
    }

    private static ObjectNode metadata(JsonNode value, String path) {
        ObjectNode m = Fields.object(value, path);
        if (m.size() > 16) {
            throw ProtocolException.invalidValue(path, "Invalid '" + path + "': at most 16 key-value pairs allowed.");
        }
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Fields.string(e.getValue(), path + "." + e.getKey());
        }
        return m.deepCopy();
    }

    private static List<ConversationItem> input(JsonNode value, String path, Conversation conversation) {
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        List<ConversationItem> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String p = path + "[" + i + "]";
            ConversationItem item = ItemReader.read(Fields.object(value.get(i), p), p, Ids.item());
            if (item.kind == null) { // item_reference
                ConversationItem ref = conversation.get(item.id);
                if (ref == null) {
                    throw ProtocolException.invalidValue(p + ".id",
                            "Invalid value: '" + item.id + "'. No conversation item with this id exists.");
                }
                item = ref;
            }
            items.add(item);
        }
        return items;
    }
}
