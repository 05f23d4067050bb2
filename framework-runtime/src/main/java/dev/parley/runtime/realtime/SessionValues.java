package dev.parley.runtime.realtime;

import static dev.parley.runtime.realtime.Fields.enumValue;
import static dev.parley.runtime.realtime.Fields.integer;
import static dev.parley.runtime.realtime.Fields.object;
import static dev.parley.runtime.realtime.Fields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import java.util.Set;

/** Validating readers for the session values shared by the GA and beta shapes and by {@code response.create}. */
final class SessionValues {
    static final List<String> FORMAT_TYPES = List.of("audio/pcm", "audio/pcmu", "audio/pcma");
    static final List<String> BETA_FORMATS = List.of("pcm16", "g711_ulaw", "g711_alaw");
    static final List<String> MODALITIES = List.of("audio", "text");
    static final List<String> TURN_TYPES = List.of("server_vad", "semantic_vad");
    static final List<String> EAGERNESS = List.of("low", "medium", "high", "auto");
    static final List<String> NOISE_TYPES = List.of("near_field", "far_field");
    static final List<String> TOOL_CHOICES = List.of("auto", "none", "required");

    private SessionValues() {
    }

    /** GA {@code {type:"audio/pcm", rate:24000}} / {@code {type:"audio/pcmu"}} / {@code {type:"audio/pcma"}}. */
    static WireFormat format(JsonNode value, String path) {
        ObjectNode o = object(value, path);
        Fields.onlyKnown(o, path, Set.of("type", "rate"));
        WireFormat f = OpenAiNames.fromGaType(enumValue(o.get("type"), path + ".type", FORMAT_TYPES));
        if (o.hasNonNull("rate")) {
            long rate = integer(o.get("rate"), path + ".rate");
            if (rate < f.sampleRate()) {
                throw ProtocolException.belowMin(path + ".rate", f.sampleRate(), rate);
            }
            if (rate > f.sampleRate()) {
                throw ProtocolException.aboveMax(path + ".rate", f.sampleRate(), rate);
            }
        }
        return f;
    }

    static WireFormat betaFormat(JsonNode value, String path) {
        return OpenAiNames.fromBetaName(enumValue(value, path, BETA_FORMATS));
    }

    /** {@code ["audio"]} or {@code ["text"]}; beta's {@code ["text","audio"]} means audio with transcript. */
    static boolean audioModality(JsonNode value, String path) {
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        if (value.isEmpty()) {
            throw ProtocolException.invalidValue(path, "Invalid '" + path + "': expected 'audio' or 'text'.");
        }
        boolean audio = false;
        for (int i = 0; i < value.size(); i++) {
            audio |= "audio".equals(enumValue(value.get(i), path + "[" + i + "]", MODALITIES));
        }
        return audio;
    }

    static String voice(JsonNode value, String path) {
        if (value.isObject()) {
            return Fields.requireString((ObjectNode) value, "id", path);
        }
        String v = string(value, path);
        if (v.isBlank()) {
            throw ProtocolException.invalidValue(path, "Invalid '" + path + "': the voice must not be empty.");
        }
        return v;
    }

    /** null (for JSON null) or {@code near_field}/{@code far_field}. */
    static String noiseReduction(JsonNode value, String path) {
        if (value.isNull()) {
            return null;
        }
        ObjectNode o = object(value, path);
        Fields.onlyKnown(o, path, Set.of("type"));
        return enumValue(o.get("type"), path + ".type", NOISE_TYPES);
    }

    static ObjectNode transcription(JsonNode value, String path) {
        if (value.isNull()) {
            return null;
        }
        ObjectNode o = object(value, path);
        for (String key : List.of("model", "language", "prompt")) {
            if (o.hasNonNull(key)) {
                string(o.get(key), path + "." + key);
            }
        }
        return o.deepCopy();
    }

    /** Function tools; MCP tools are refused because Parley has no MCP client. */
    static ArrayNode tools(JsonNode value, String path) {
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        for (int i = 0; i < value.size(); i++) {
            String p = path + "[" + i + "]";
            ObjectNode t = object(value.get(i), p);
            Fields.onlyKnown(t, p, Set.of("type", "name", "description", "parameters"));
            if (t.hasNonNull("type")) {
                enumValue(t.get("type"), p + ".type", List.of("function"));
            }
            Fields.requireString(t, "name", p);
            Fields.optString(t, "description", p);
            if (t.hasNonNull("parameters")) {
                object(t.get("parameters"), p + ".parameters");
            }
        }
        ToolChecks.parameters(value, path);
        return (ArrayNode) value.deepCopy();
    }

    static JsonNode toolChoice(JsonNode value, String path) {
        if (value.isTextual()) {
            enumValue(value, path, TOOL_CHOICES);
            return value;
        }
        ObjectNode o = object(value, path);
        enumValue(o.get("type"), path + ".type", List.of("function"));
        Fields.requireString(o, "name", path);
        return o.deepCopy();
    }

    /** 1–4096, or {@code "inf"} → null. */
    static Integer maxTokens(JsonNode value, String path) {
        if (value.isTextual()) {
            enumValue(value, path, List.of("inf"));
            return null;
        }
        long v = integer(value, path);
        if (v < 1) {
            throw ProtocolException.belowMin(path, 1, v);
        }
        if (v > 4096) {
            throw ProtocolException.aboveMax(path, 4096, v);
        }
        return (int) v;
    }

    static double speed(JsonNode value, String path) {
        return Fields.numberIn(value, path, 0.25, 1.5);
    }

    /** Tolerated, range-checked like the beta API (0–2 to be lenient with Inworld clients). */
    static Double temperature(JsonNode value, String path) {
        return value.isNull() ? null : Fields.numberIn(value, path, 0, 2);
    }

    /** {@code "auto"}, an object or null. */
    static JsonNode tracing(JsonNode value, String path) {
        if (value.isNull() || value.isObject()) {
            return value.deepCopy();
        }
        enumValue(value, path, List.of("auto"));
        return value;
    }
}
