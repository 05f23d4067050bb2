package dev.parley.runtime.conversation;

import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;

/**
 * The session settings the conversation acts on, transport-neutral and immutable; a transport translates its
 * own configuration into one and replaces it whole ({@link Command.UpdateSettings}).
 *
 * @param responsesEnabled  false for a transcription-only session
 * @param audioOutput       answers are spoken (audio + transcript); false: text only
 * @param turnTaking        automatic turn detection, or null for manual turns
 * @param maxOutputTokens   null: no limit
 * @param temperature       null: the model's default
 * @param falseInterruption resume after a barge-in that held no words
 * @param retention         how much history the model sees
 */
public record ConversationSettings(boolean responsesEnabled, boolean audioOutput, String instructions, String voice,
                                   double speed, WireFormat inputFormat, WireFormat outputFormat,
                                   String noiseReduction, TurnDetection turnTaking, List<ToolSpec> tools,
                                   ToolChoice toolChoice, Integer maxOutputTokens, Double temperature,
                                   FalseInterruptionResume falseInterruption, HistoryRetention retention) {
    public ConversationSettings {
        tools = List.copyOf(tools);
        falseInterruption = falseInterruption == null ? FalseInterruptionResume.OFF : falseInterruption;
        retention = retention == null ? HistoryRetention.KEEP_ALL : retention;
    }

    /** What the input path needs of these settings. */
    public InputSettings inputSettings() {
        return new InputSettings(inputFormat, turnTaking, noiseReduction);
    }

    /**
     * Resume an interrupted answer when the interruption held no words.
     *
     * @param windowMs how long after speech onset the "no words" verdict may come
     */
    public record FalseInterruptionResume(boolean enabled, long windowMs) {
        public static final FalseInterruptionResume OFF = new FalseInterruptionResume(false, 2000);
    }
}
