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
 * The effective configuration of one session (catalog §6), dialect-neutral and immutable. A {@code session.update} is
 * read into a {@link Builder} (the typed partial update) started from the current configuration, and only a
 * whole validated update becomes a new {@code SessionConfig} — so an invalid update is rejected whole. Values
 * that the core does not act on are kept so {@code session.updated} shows them: {@code temperature} in GA, and
 * {@code tracing}, which the facade hands to the session's telemetry as a {@link TraceRequest}. The JSON values are copies owned by this configuration: never mutate them.
 *
 * @param audioOutput    true: {@code output_modalities:["audio"]} (audio with transcript); false: {@code ["text"]}
 * @param noiseReduction null, {@code near_field} or {@code far_field}
 * @param transcription  {@code audio.input.transcription} as the client gave it, or null
 * @param turnDetection  null = manual mode
 * @param tools          function tools, each {@code {type:"function", name, description, parameters}}
 * @param toolChoice     {@code "auto"}, {@code "none"}, {@code "required"} or {@code {type:"function", name}}
 * @param maxOutputTokens null = {@code "inf"}
 * @param temperature    tolerated (Inworld, beta clients); passed to the LLM when set
 * @param falseInterruption Parley extension: resume after a wordless barge-in
 */
public record SessionConfig(Type type, String model, String instructions, boolean audioOutput,
                            WireFormat inputFormat, WireFormat outputFormat, String noiseReduction,
                            ObjectNode transcription, TurnDetection turnDetection, String voice, double speed,
                            ArrayNode tools, JsonNode toolChoice, Integer maxOutputTokens, JsonNode tracing,
                            JsonNode truncation, JsonNode include, JsonNode prompt, Double temperature,
                            FalseInterruption falseInterruption) {
    /** {@code session.type}. */
    public enum Type { REALTIME, TRANSCRIPTION }

    /** OpenAI's defaults for a realtime session. */
    public SessionConfig() {
        this(Type.REALTIME, "parley", "", true, WireFormat.PCM16_24K, WireFormat.PCM16_24K, null, null,
                OpenAiNames.serverVadDefaults(), "alloy", 1.0, JsonNodeFactory.instance.arrayNode(),
                TextNode.valueOf("auto"), null, JsonNodeFactory.instance.nullNode(), TextNode.valueOf("auto"),
                JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.nullNode(), null, FalseInterruption.OFF);
    }

    /** What the conversation core acts on, in its own terms. */
    public ConversationSettings conversationSettings() {
        return new ConversationSettings(type == Type.REALTIME, audioOutput, instructions, voice, speed, inputFormat,
                outputFormat, noiseReduction, turnDetection, ToolJson.tools(tools), ToolJson.toolChoice(toolChoice),
                maxOutputTokens, temperature, new ConversationSettings.FalseInterruptionResume(
                        falseInterruption.enabled(), falseInterruption.windowMs()),
                ContextValues.retention(truncation));
    }

    /** An update starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A typed partial update: set what the update names, then {@link #build()}. Not shared; one per update. */
    public static final class Builder {
        public Type type;
        public String model;
        public String instructions;
        public boolean audioOutput;
        public WireFormat inputFormat;
        public WireFormat outputFormat;
        public String noiseReduction;
        public ObjectNode transcription;
        public TurnDetection turnDetection;
        public String voice;
        public double speed;
        public ArrayNode tools;
        public JsonNode toolChoice;
        public Integer maxOutputTokens;
        public JsonNode tracing;
        public JsonNode truncation;
        public JsonNode include;
        public JsonNode prompt;
        public Double temperature;
        public FalseInterruption falseInterruption;

        private Builder(SessionConfig c) {
            type = c.type;
            model = c.model;
            instructions = c.instructions;
            audioOutput = c.audioOutput;
            inputFormat = c.inputFormat;
            outputFormat = c.outputFormat;
            noiseReduction = c.noiseReduction;
            transcription = c.transcription == null ? null : c.transcription.deepCopy();
            turnDetection = c.turnDetection;
            voice = c.voice;
            speed = c.speed;
            tools = c.tools.deepCopy();
            toolChoice = c.toolChoice.deepCopy();
            maxOutputTokens = c.maxOutputTokens;
            tracing = c.tracing.deepCopy();
            truncation = c.truncation.deepCopy();
            include = c.include.deepCopy();
            prompt = c.prompt.deepCopy();
            temperature = c.temperature;
            falseInterruption = c.falseInterruption;
        }

        public SessionConfig build() {
            return new SessionConfig(type, model, instructions, audioOutput, inputFormat, outputFormat,
                    noiseReduction, transcription, turnDetection, voice, speed, tools, toolChoice, maxOutputTokens,
                    tracing, truncation, include, prompt, temperature, falseInterruption);
        }
    }
}
