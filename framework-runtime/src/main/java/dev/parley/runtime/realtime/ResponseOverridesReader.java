package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.llm.ToolSpec;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates {@code response.create.response} (GA and beta keys) into {@link ResponseOverrides}, checking every
 * key in the order below; where GA and beta name the same setting, the later key wins.
 */
public final class ResponseOverridesReader {
    private static final Set<String> KEYS = Set.of("conversation", "input", "instructions", "output_modalities",
            "audio", "tools", "tool_choice", "max_output_tokens", "metadata", "prompt", "reasoning",
            "parallel_tool_calls", "temperature", "modalities", "voice", "output_audio_format",
            "max_response_output_tokens");

    private ResponseOverridesReader() {
    }

    public static ResponseOverrides read(ObjectNode r) {
        String path = "response";
        Fields.onlyKnown(r, path, KEYS);
        String conversation = r.hasNonNull("conversation")
                ? Fields.string(r.get("conversation"), path + ".conversation") : null;
        String instructions = r.hasNonNull("instructions")
                ? Fields.string(r.get("instructions"), path + ".instructions") : null;
        Boolean audio = null;
        for (String key : List.of("output_modalities", "modalities")) {
            if (r.hasNonNull(key)) {
                audio = SessionValues.audioModality(r.get(key), path + "." + key);
            }
        }
        WireFormat format = null;
        String voice = null;
        Double speed = null;
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
                if (out.hasNonNull("speed")) {
                    speed = SessionValues.speed(out.get("speed"), p + ".speed");
                }
            }
        }
        if (r.hasNonNull("voice")) {
            voice = SessionValues.voice(r.get("voice"), path + ".voice");
        }
        if (r.hasNonNull("output_audio_format")) {
            format = SessionValues.betaFormat(r.get("output_audio_format"), path + ".output_audio_format");
        }
        List<ToolSpec> tools = r.hasNonNull("tools")
                ? ToolJson.tools(SessionValues.tools(r.get("tools"), path + ".tools")) : null;
        JsonNode toolChoice = r.hasNonNull("tool_choice")
                ? SessionValues.toolChoice(r.get("tool_choice"), path + ".tool_choice") : null;
        Change<Integer> max = Change.keep();
        for (String key : List.of("max_output_tokens", "max_response_output_tokens")) {
            if (r.hasNonNull(key)) {
                max = Change.to(SessionValues.maxTokens(r.get(key), path + "." + key));
            }
        }
        Change<Double> temperature = r.has("temperature")
                ? Change.to(SessionValues.temperature(r.get("temperature"), path + ".temperature")) : Change.keep();
        Map<String, String> metadata = r.hasNonNull("metadata") ? metadata(r.get("metadata"), path + ".metadata")
                : null;
        if (r.hasNonNull("prompt")) {
            ContextValues.prompt(r.get("prompt"), path + ".prompt");
        }
        List<ConversationItem> input = r.has("input") ? input(r.get("input"), path + ".input") : null;
        return new ResponseOverrides(conversation, instructions, audio, format, voice, speed, tools, toolChoice,
                max, temperature, metadata, input);
    }

    private static Map<String, String> metadata(JsonNode value, String path) {
        ObjectNode m = Fields.object(value, path);
        if (m.size() > 16) {
            throw ProtocolException.invalidValue(path, "Invalid '" + path + "': at most 16 key-value pairs allowed.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), Fields.string(e.getValue(), path + "." + e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The items as read; an {@code item_reference} (kind null) is resolved when the overrides are applied. */
    private static List<ConversationItem> input(JsonNode value, String path) {
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        List<ConversationItem> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String p = path + "[" + i + "]";
            items.add(ItemReader.read(Fields.object(value.get(i), p), p, Ids.item()));
        }
        return List.copyOf(items);
    }
}
