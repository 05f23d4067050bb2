package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.HistoryRetention;
import java.util.List;
import java.util.Set;

/**
 * The session fields about the model's context that Parley honours only in part: {@code truncation} (applied to
 * the history sent to the LLM), {@code include} and {@code prompt}. A value Parley cannot honour is refused with
 * {@code invalid_value} instead of being echoed and ignored; docs/realtime-protocol.md lists why.
 */
final class ContextValues {
    private ContextValues() {
    }

    /**
     * {@code "auto"} or {@code "disabled"} (the whole history is sent: Parley cannot know the model's context
     * window), or {@code {type:"retention_ratio", retention_ratio, token_limits:{post_instructions}}} — the limit is
     * required, for the same reason.
     */
    static JsonNode truncation(JsonNode value, String path) {
        if (value.isTextual()) {
            Fields.enumValue(value, path, List.of("auto", "disabled"));
            return value;
        }
        ObjectNode o = Fields.object(value, path);
        Fields.onlyKnown(o, path, Set.of("type", "retention_ratio", "token_limits"));
        Fields.enumValue(o.get("type"), Fields.join(path, "type"), List.of("retention_ratio"));
        Fields.numberIn(o.get("retention_ratio"), Fields.join(path, "retention_ratio"), 0, 1);
        String limitsPath = Fields.join(path, "token_limits");
        if (!o.hasNonNull("token_limits") || !o.get("token_limits").hasNonNull("post_instructions")) {
            throw ProtocolException.invalidValue(Fields.join(limitsPath, "post_instructions"), "Parley cannot know "
                    + "the context window of this pipeline's model; retention_ratio needs "
                    + "token_limits.post_instructions (the tokens allowed after the instructions).");
        }
        ObjectNode limits = Fields.object(o.get("token_limits"), limitsPath);
        Fields.onlyKnown(limits, limitsPath, Set.of("post_instructions"));
        String p = Fields.join(limitsPath, "post_instructions");
        long limit = Fields.integer(limits.get("post_instructions"), p);
        if (limit < 1) {
            throw ProtocolException.belowMin(p, 1, limit);
        }
        return o.deepCopy();
    }

    static HistoryRetention retention(JsonNode truncation) {
        if (truncation == null || !truncation.isObject()) {
            return HistoryRetention.KEEP_ALL;
        }
        long limit = truncation.path("token_limits").path("post_instructions").asLong();
        return new HistoryRetention(truncation.path("retention_ratio").asDouble(),
                (int) Math.min(limit, Integer.MAX_VALUE));
    }

    /** Only null or an empty list: the input path's recognisers report no log probabilities. */
    static JsonNode include(JsonNode value, String path) {
        if (value.isNull()) {
            return value;
        }
        if (!value.isArray()) {
            throw ProtocolException.invalidType(path, "an array", Fields.describe(value));
        }
        if (!value.isEmpty()) {
            throw ProtocolException.invalidValue(path + "[0]", "Invalid value: '" + value.get(0).asText()
                    + "'. Parley's speech recognisers report no log probabilities; 'include' must be null or empty.");
        }
        return value.deepCopy();
    }

    /** Only null: prompts are templates stored on OpenAI's platform, which Parley cannot fetch. */
    static JsonNode prompt(JsonNode value, String path) {
        if (!value.isNull()) {
            throw ProtocolException.invalidValue(path, "Parley has no stored prompts; set the instructions "
                    + "instead ('" + path + "' must be null).");
        }
        return value;
    }
}
