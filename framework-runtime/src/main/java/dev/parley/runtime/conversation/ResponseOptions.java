package dev.parley.runtime.conversation;

import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of one response: the session's, with the request's overrides.
 *
 * @param audio           speak (audio + transcript) or text only
 * @param speed           speaking rate, 0.25–1.5
 * @param maxOutputTokens null for no limit
 * @param temperature     null for the model default
 * @param metadata        the client's metadata, echoed with the response, or null
 * @param outOfBand       output stays out of the conversation; may run beside the conversation's response
 * @param input           explicit context items instead of the conversation, or null
 * @param resumedFrom     set on a false-interruption resume: the id of the answer it continues, else null
 */
public record ResponseOptions(boolean audio, String instructions, String voice, double speed, WireFormat outputFormat,
                              List<ToolSpec> tools, ToolChoice toolChoice, Integer maxOutputTokens, Double temperature,
                              Map<String, String> metadata, boolean outOfBand, List<ConversationItem> input,
                              String resumedFrom) {

    /** The session's settings with no overrides. */
    public static ResponseOptions of(ConversationSettings s) {
        return new ResponseOptions(s.audioOutput(), s.instructions(), s.voice(), s.speed(), s.outputFormat(),
                s.tools(), s.toolChoice(), s.maxOutputTokens(), s.temperature(), null, false, null, null);
    }

    /** The same, spoken, continuing the interrupted answer {@code interruptedId}. */
    ResponseOptions resuming(String interruptedId) {
        return new ResponseOptions(true, instructions, voice, speed, outputFormat, tools, toolChoice,
                maxOutputTokens, temperature, null, false, null, interruptedId);
    }
}
