package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import dev.parley.runtime.conversation.ConversationCore;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.conversation.ResponseOptions;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /**
     * @param base         the session's response settings
     * @param conversation resolves {@code item_reference}s and names the conversation
     */
    public static ResponseOptions read(ObjectNode r, ResponseOptions base, ConversationCore conversation) {
        String path = "response";
        Fields.onlyKnown(r, path, KEYS);
        boolean audio = base.audio();
        String instructions = base.instructions();
        String voice = base.voice();
        double speed = base.speed();
        WireFormat format = base.outputFormat();
        List<ToolSpec> tools = base.tools();
        ToolChoice toolChoice = base.toolChoice();
        Integer max = base.maxOutputTokens();
        Double temperature = base.temperature();
        boolean outOfBand = false;
        if (r.hasNonNull("conversation")) {
            String conv = Fields.string(r.get("conversation"), path + ".conversation");
            if (!conv.equals("auto") && !conv.equals("none") && !conv.equals(conversation.conversationId())) {
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
        if (r.hasNonNull("tools")) {
            tools = ToolJson.tools(SessionValues.tools(r.get("tools"), path + ".tools"));
        }
        if (r.hasNonNull("tool_choice")) {
            JsonNode choice = SessionValues.toolChoice(r.get("tool_choice"), path + ".tool_choice");
            ToolChecks.choice(choice, tools.stream().map(ToolSpec::name).toList(), path + ".tool_choice",
                    r.hasNonNull("tools") ? "response's" : "session's");
            toolChoice = ToolJson.toolChoice(choice);
        }
        for (String key : List.of("max_output_tokens", "max_response_output_tokens")) {
            if (r.hasNonNull(key)) {
                max = SessionValues.maxTokens(r.get(key), path + "." + key);
            }
        }
        if (r.has("temperature")) {
            temperature = SessionValues.temperature(r.get("temperature"), path + ".temperature");
        }
        Map<String, String> metadata = r.hasNonNull("metadata") ? metadata(r.get("metadata"), path + ".metadata")
                : null;
        if (r.hasNonNull("prompt")) {
            ContextValues.prompt(r.get("prompt"), path + ".prompt");
        }
        List<ConversationItem> input = r.has("input") ? input(r.get("input"), path + ".input", conversation) : null;
        return new ResponseOptions(audio, instructions, voice, speed, format, tools, toolChoice, max,
                temperature, metadata, outOfBand, input, null);
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

    private static List<ConversationItem> input(JsonNode value, String path, ConversationCore conversation) {
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        List<ConversationItem> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String p = path + "[" + i + "]";
            ConversationItem item = ItemReader.read(Fields.object(value.get(i), p), p, Ids.item());
            if (item.kind == null) { // item_reference
                ConversationItem ref = conversation.item(item.id);
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
