package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import dev.parley.runtime.engine.response.ResponseSettings;
import dev.parley.runtime.realtime.SessionCaps;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s per-session caps: sizes of instructions, tools and items, the session's duration, and the
 * voice-sized waits on the language model.
 */
public final class SessionCapsOptions {
    @Option(names = "--max-session-minutes", defaultValue = "60", paramLabel = "MIN",
            description = "End a session with error session_expired, then close 1000, after this long, as OpenAI "
                    + "does after 60 minutes. 0 = never (default: ${DEFAULT-VALUE}).")
    int maxSessionMinutes;

    @Option(names = "--max-instructions-chars", defaultValue = "" + SessionCaps.DEFAULT_MAX_INSTRUCTIONS_CHARS,
            paramLabel = "N", description = "Longest session or response instructions; longer ones get "
                    + "string_above_max_length (default: ${DEFAULT-VALUE}).")
    int maxInstructionsChars;

    @Option(names = "--max-tools", defaultValue = "" + SessionCaps.DEFAULT_MAX_TOOLS, paramLabel = "N",
            description = "Most tools of a session or response (array_above_max_length) (default: "
                    + "${DEFAULT-VALUE}).")
    int maxTools;

    @Option(names = "--max-tool-bytes", defaultValue = "" + SessionCaps.DEFAULT_MAX_TOOL_BYTES, paramLabel = "N",
            description = "Largest tool definition as JSON (invalid_value) (default: ${DEFAULT-VALUE}).")
    int maxToolBytes;

    @Option(names = "--max-item-chars", defaultValue = "" + SessionCaps.DEFAULT_MAX_ITEM_CHARS, paramLabel = "N",
            description = "Longest text, transcript, arguments or output of one item (string_above_max_length) "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxItemChars;

    @Option(names = "--max-conversation-items", defaultValue = "" + SessionCaps.DEFAULT_MAX_ITEMS, paramLabel = "N",
            description = "Items a session's conversation keeps; beyond it the eldest are deleted and the client "
                    + "gets conversation.item.deleted. Bounds a long session's heap (default: ${DEFAULT-VALUE}).")
    int maxConversationItems;

    @Option(names = "--llm-first-token-timeout-ms", paramLabel = "MS",
            defaultValue = "" + ResponseSettings.DEFAULT_LLM_FIRST_TOKEN_MS,
            description = "A model that sends nothing for this long after the request fails the response with "
                    + "llm_timeout (default: ${DEFAULT-VALUE}).")
    long llmFirstTokenMs;

    @Option(names = "--llm-stall-timeout-ms", paramLabel = "MS", defaultValue = "" + ResponseSettings.DEFAULT_LLM_STALL_MS,
            description = "A model silent this long after its first tokens is cut off; what it said is spoken and "
                    + "the response ends incomplete (default: ${DEFAULT-VALUE}).")
    long llmStallMs;

    @Option(names = "--max-audio-lead-ms", paramLabel = "MS",
            defaultValue = "" + ResponseSettings.DEFAULT_MAX_AUDIO_LEAD_MS,
            description = "How far a response's audio may run ahead of the client's playback (real time from its "
                    + "first delta) before the next clause waits to be synthesized. 0 = no bound (default: "
                    + "${DEFAULT-VALUE}).")
    long maxAudioLeadMs;

    ResponseSettings responseSettings() {
        if (llmFirstTokenMs < 1 || llmStallMs < 1 || maxAudioLeadMs < 0) {
            throw new ConfigException("--llm-first-token-timeout-ms and --llm-stall-timeout-ms must be 1 or more, "
                    + "--max-audio-lead-ms 0 or more");
        }
        return ResponseSettings.DEFAULTS.withLlmTimeouts(llmFirstTokenMs, llmStallMs).withMaxAudioLead(maxAudioLeadMs);
    }

    SessionCaps caps() {
        if (maxSessionMinutes < 0 || maxInstructionsChars < 1 || maxTools < 0 || maxToolBytes < 1
                || maxItemChars < 1 || maxConversationItems < 2) {
            throw new ConfigException("--max-session-minutes and --max-tools must be 0 or more; "
                    + "--max-instructions-chars, --max-tool-bytes and --max-item-chars 1 or more; "
                    + "--max-conversation-items 2 or more");
        }
        return new SessionCaps(maxInstructionsChars, maxTools, maxToolBytes, maxItemChars,
                Duration.ofMinutes(maxSessionMinutes), maxConversationItems);
    }
}
