package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * How big one session's settings and items may be, and how long the session may live (issue 17). Without them
 * 20 MiB of {@code instructions} was accepted and five such sessions held 103 MB. A value over a cap is refused
 * before anything changes, with OpenAI's codes ({@code string_above_max_length}, {@code array_above_max_length},
 * {@code invalid_value} for a tool definition too big), and the session goes on.
 *
 * @param maxInstructionsChars {@code instructions} of a session or a response, in characters
 * @param maxTools             function tools of a session or a response
 * @param maxToolBytes         one tool definition as JSON, in bytes (its description and parameter schema)
 * @param maxItemChars         one text field of an item (text, transcript, arguments, output), in characters
 * @param maxDuration          a session is ended with {@code session_expired} after this long; zero: never
 * @param maxItems             items a conversation keeps; beyond it the eldest-inserted are deleted and the
 *                             client gets {@code conversation.item.deleted} (2 or more)
 */
public record SessionCaps(int maxInstructionsChars, int maxTools, int maxToolBytes, int maxItemChars,
                          Duration maxDuration, int maxItems) {
    /** 128 Ki characters: about 32k tokens, the context of a realtime model, far above a real prompt. */
    public static final int DEFAULT_MAX_INSTRUCTIONS_CHARS = 128 * 1024;
    /** OpenAI's limit on the number of tools of a request. */
    public static final int DEFAULT_MAX_TOOLS = 128;
    public static final int DEFAULT_MAX_TOOL_BYTES = 32 * 1024;
    public static final int DEFAULT_MAX_ITEM_CHARS = 128 * 1024;
    /** OpenAI's maximum session duration. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(60);
    /** See {@link dev.parley.runtime.conversation.Conversation#DEFAULT_MAX_ITEMS}. */
    public static final int DEFAULT_MAX_ITEMS = dev.parley.runtime.conversation.Conversation.DEFAULT_MAX_ITEMS;

    public SessionCaps {
        if (maxInstructionsChars <= 0 || maxTools < 0 || maxToolBytes <= 0 || maxItemChars <= 0 || maxItems < 2) {
            throw new IllegalArgumentException("session caps must be positive (tools 0 or more, items 2 or more), "
                    + "got " + maxInstructionsChars + ", " + maxTools + ", " + maxToolBytes + ", " + maxItemChars
                    + ", " + maxItems);
        }
        maxDuration = maxDuration == null || maxDuration.isNegative() ? Duration.ZERO : maxDuration;
    }

    public static SessionCaps defaults() {
        return new SessionCaps(DEFAULT_MAX_INSTRUCTIONS_CHARS, DEFAULT_MAX_TOOLS, DEFAULT_MAX_TOOL_BYTES,
                DEFAULT_MAX_ITEM_CHARS, DEFAULT_MAX_DURATION, DEFAULT_MAX_ITEMS);
    }

    public SessionCaps withMaxDuration(Duration d) {
        return new SessionCaps(maxInstructionsChars, maxTools, maxToolBytes, maxItemChars, d, maxItems);
    }

    public SessionCaps withMaxItems(int n) {
        return new SessionCaps(maxInstructionsChars, maxTools, maxToolBytes, maxItemChars, maxDuration, n);
    }

    /**
     * Checks the sizes in a parsed client event before it is read, so an oversize value costs no copy and
     * changes nothing.
     *
     * @throws ProtocolException naming the first value over its cap
     */
    void check(ObjectNode event) {
        switch (event.path("type").asText("")) {
            case "session.update", "transcription_session.update" -> settings(event.get("session"), "session");
            case "response.create" -> {
                JsonNode r = event.get("response");
                settings(r, "response");
                JsonNode input = r == null ? null : r.get("input");
                if (input != null && input.isArray()) {
                    for (int i = 0; i < input.size(); i++) {
                        item(input.get(i), "response.input[" + i + "]");
                    }
                }
            }
            case "conversation.item.create" -> item(event.get("item"), "item");
            default -> { }
        }
    }

    private void settings(JsonNode s, String path) {
        if (s == null || !s.isObject()) {
            return;
        }
        text(s.get("instructions"), path + ".instructions", maxInstructionsChars);
        JsonNode tools = s.get("tools");
        if (tools == null || !tools.isArray()) {
            return;
        }
        String p = path + ".tools";
        if (tools.size() > maxTools) {
            throw ProtocolException.invalidRequest("array_above_max_length", p, "Invalid '" + p
                    + "': array too long. Expected an array with maximum length " + maxTools
                    + ", but got an array with length " + tools.size() + " instead.");
        }
        for (int i = 0; i < tools.size(); i++) {
            int bytes = jsonBytes(tools.get(i));
            if (bytes > maxToolBytes) {
                String tp = p + "[" + i + "]";
                throw ProtocolException.invalidValue(tp, "Invalid '" + tp + "': the tool definition is " + bytes
                        + " bytes of JSON; the maximum is " + maxToolBytes + " bytes.");
            }
        }
    }

    private void item(JsonNode item, String path) {
        if (item == null || !item.isObject()) {
            return;
        }
        text(item.get("arguments"), path + ".arguments", maxItemChars);
        text(item.get("output"), path + ".output", maxItemChars);
        JsonNode content = item.get("content");
        if (content != null && content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                String p = path + ".content[" + i + "]";
                text(part.get("text"), p + ".text", maxItemChars);
                text(part.get("transcript"), p + ".transcript", maxItemChars);
            }
        }
    }

    private static int jsonBytes(JsonNode node) {
        try {
            return EventEmitter.MAPPER.writeValueAsBytes(node).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }

    private static void text(JsonNode value, String param, int max) {
        if (value != null && value.isTextual() && value.textValue().length() > max) {
            throw ProtocolException.invalidRequest("string_above_max_length", param, "Invalid '" + param
                    + "': string too long. Expected a string with maximum length " + max
                    + ", but got a string with length " + value.textValue().length() + " instead.");
        }
    }
}
