package dev.parley.runtime.engine;

import dev.parley.api.llm.LlmRequest;
import dev.parley.api.tts.VoiceSettings;

/**
 * Everything the response path needs to produce one response.
 *
 * @param responseId   {@code resp_…}, for logs
 * @param request      the model request (instructions, history, tools, limits)
 * @param audio        true: speak the answer (audio + transcript deltas); false: text only
 * @param voice        voice, speed and pitch
 * @param outputFormat wire format of the audio deltas
 * @param timing       the response's stage clock, already holding the turn marks
 * @param scriptedText null: ask the LLM; otherwise the exact text to say — the LLM is not called, the text takes
 *                     the same chunker/TTS/encode path (used to resume after a false interruption)
 * @param continuation null, or a held generation whose text from {@code continueFromChar} on this response says
 *                     (after {@code scriptedText}, if any) instead of asking the LLM: a resume to the end
 */
public record ResponseSpec(String responseId, LlmRequest request, boolean audio, VoiceSettings voice,
                           WireFormat outputFormat, ResponseTiming timing, String scriptedText,
                           HeldGeneration continuation, int continueFromChar) {

    /** A response the LLM writes, or one that says {@code scriptedText}. */
    public ResponseSpec(String responseId, LlmRequest request, boolean audio, VoiceSettings voice,
                        WireFormat outputFormat, ResponseTiming timing, String scriptedText) {
        this(responseId, request, audio, voice, outputFormat, timing, scriptedText, null, 0);
    }

    /** A response the LLM writes. */
    public ResponseSpec(String responseId, LlmRequest request, boolean audio, VoiceSettings voice,
                        WireFormat outputFormat, ResponseTiming timing) {
        this(responseId, request, audio, voice, outputFormat, timing, null);
    }
}
