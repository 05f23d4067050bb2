package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;

/**
 * The effective settings of one response: the session's, overridden by {@code response.create.response} (§8.1).
 *
 * @param audio           speak (audio + transcript) or text only
 * @param instructions    system prompt for this response
 * @param voice           voice name
 * @param speed           speaking rate
 * @param outputFormat    audio delta format
 * @param tools           function tools
 * @param toolChoice      tool choice JSON
 * @param maxOutputTokens null for {@code "inf"}
 * @param temperature     null for the model default
 * @param metadata        client metadata echoed in the response object, or null
 * @param outOfBand       {@code conversation:"none"}: output stays out of the conversation, may run in parallel
 * @param input           explicit context items instead of the conversation, or null
 */
public record ResponseOptions(boolean audio, String instructions, String voice, double speed, WireFormat outputFormat,
                              ArrayNode tools, JsonNode toolChoice, Integer maxOutputTokens, Double temperature,
                              ObjectNode metadata, boolean outOfBand, List<ConversationItem> input) {

    /** The session's settings with no overrides. */
    public static ResponseOptions of(SessionConfig c) {
        return new ResponseOptions(c.audioOutput, c.instructions, c.voice, c.speed, c.outputFormat, c.tools,
                c.toolChoice, c.maxOutputTokens, c.temperature, null, false, null);
    }
}
