package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.runtime.conversation.ConversationSettings;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;

/**
 * The effective configuration of one session (§6), dialect-neutral. Mutable, but only ever changed on a
 * {@link #copy()} that replaces the original once a whole {@code session.update} validated — so an invalid
 * update is rejected whole. Values that Parley accepts but does not act on ({@code tracing}, {@code prompt},
 * {@code include}, {@code truncation}, {@code temperature}) are kept so {@code session.updated} echoes them.
 */
public final class SessionConfig {
    /** {@code session.type}. */
    public enum Type { REALTIME, TRANSCRIPTION }

    public Type type = Type.REALTIME;
    public String model = "parley";
    public String instructions = "";
    /** true: {@code output_modalities:["audio"]} (audio with transcript); false: {@code ["text"]}. */
    public boolean audioOutput = true;
    public WireFormat inputFormat = WireFormat.PCM16_24K;
    public WireFormat outputFormat = WireFormat.PCM16_24K;
    /** null, {@code near_field} or {@code far_field}. */
    public String noiseReduction;
    /** {@code audio.input.transcription} as the client gave it ({@code model}, {@code language}, {@code prompt}), or null. */
    public ObjectNode transcription;
    /** null = manual mode. */
    public TurnDetection turnDetection = OpenAiNames.serverVadDefaults();
    public String voice = "alloy";
    public double speed = 1.0;
    /** Function tools, each {@code {type:"function", name, description, parameters}}. */
    public ArrayNode tools = JsonNodeFactory.instance.arrayNode();
    /** {@code "auto"}, {@code "none"}, {@code "required"} or {@code {type:"function", name}}. */
    public JsonNode toolChoice = TextNode.valueOf("auto");
    /** null = {@code "inf"}. */
    public Integer maxOutputTokens;
    public JsonNode tracing = JsonNodeFactory.instance.nullNode();
    public JsonNode truncation = TextNode.valueOf("auto");
    public JsonNode include = JsonNodeFactory.instance.nullNode();
    public JsonNode prompt = JsonNodeFactory.instance.nullNode();
    /** Tolerated (Inworld, beta clients); passed to the LLM when set. */
    public Double temperature;
    /** Parley extension: resume after a wordless barge-in ({@code session.parley.false_interruption}). */
    public FalseInterruption falseInterruption = FalseInterruption.OFF;

    /** What the conversation core acts on, in its own terms. */
    public ConversationSettings conversationSettings() {
        return new ConversationSettings(type == Type.REALTIME, audioOutput, instructions, voice, speed, inputFormat,
                outputFormat, noiseReduction, turnDetection, ToolJson.tools(tools), ToolJson.toolChoice(toolChoice),
                maxOutputTokens, temperature, new ConversationSettings.FalseInterruptionResume(
                        falseInterruption.enabled(), falseInterruption.windowMs()), ContextValues.retention(truncation));
    }

    public SessionConfig copy() {
        SessionConfig c = new SessionConfig();
        c.type = type;
        c.model = model;
        c.instructions = instructions;
        c.audioOutput = audioOutput;
        c.inputFormat = inputFormat;
        c.outputFormat = outputFormat;
        c.noiseReduction = noiseReduction;
        c.transcription = transcription == null ? null : transcription.deepCopy();
        c.turnDetection = turnDetection;
        c.voice = voice;
        c.speed = speed;
        c.tools = tools.deepCopy();
        c.toolChoice = toolChoice.deepCopy();
        c.maxOutputTokens = maxOutputTokens;
        c.tracing = tracing.deepCopy();
        c.truncation = truncation.deepCopy();
        c.include = include.deepCopy();
        c.prompt = prompt.deepCopy();
        c.temperature = temperature;
        c.falseInterruption = falseInterruption;
        return c;
    }
}
