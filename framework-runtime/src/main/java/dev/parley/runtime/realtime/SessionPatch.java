package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;

/**
 * A {@code session} object of an update (GA or beta shape), validated field by field into the fields of
 * {@link SessionConfig} it changes ({@link SessionConfigReader} reads it). Applying it ({@link #applyTo}) makes
 * only the checks that need the session, so an update that fails anywhere changes nothing: the session's type
 * must be the one named, the turn detection merges over the current one, and the tool choice must name one of
 * the tools after the update. JSON values are copies owned by the patch and, once applied, by the configuration.
 *
 * @param path     where the object sat ({@code "session"}), for the errors {@link #applyTo} raises
 * @param type     GA {@code type} ({@code "realtime"}/{@code "transcription"}); null in the beta shape
 * @param turnDetection {@link Change.Clear}: manual mode
 * @param maxOutputTokens {@link Change.Clear}: {@code "inf"}
 */
public record SessionPatch(String path, String type, Change<String> model, Change<String> instructions,
                           Change<Boolean> audioOutput, Change<WireFormat> inputFormat,
                           Change<WireFormat> outputFormat, Change<String> noiseReduction,
                           Change<ObjectNode> transcription, Change<TurnDetectionPatch> turnDetection,
                           Change<String> voice, Change<Double> speed, Change<ArrayNode> tools,
                           Change<JsonNode> toolChoice, Change<Integer> maxOutputTokens, Change<JsonNode> tracing,
                           Change<JsonNode> truncation, Change<JsonNode> include, Change<JsonNode> prompt,
                           Change<Double> temperature, Change<FalseInterruption.Patch> falseInterruption) {

    /** {@code current} with this patch applied, or a {@link ProtocolException} and nothing changed. */
    public SessionConfig applyTo(SessionConfig current) {
        if (type != null) {
            String expected = current.type() == SessionConfig.Type.REALTIME ? "realtime" : "transcription";
            if (!type.equals(expected)) {
                throw ProtocolException.invalidValue(Fields.join(path, "type"), "Invalid value: '" + type
                        + "'. This session's type is '" + expected + "' and cannot be changed.");
            }
        }
        SessionConfig.Builder c = current.toBuilder();
        c.model = model.over(c.model);
        c.instructions = instructions.over(c.instructions);
        c.audioOutput = audioOutput.over(c.audioOutput);
        c.inputFormat = inputFormat.over(c.inputFormat);
        c.outputFormat = outputFormat.over(c.outputFormat);
        c.noiseReduction = noiseReduction.over(c.noiseReduction);
        c.transcription = transcription.over(c.transcription);
        c.turnDetection = turnDetection(c.turnDetection);
        c.voice = voice.over(c.voice);
        c.speed = speed.over(c.speed);
        c.tools = tools.over(c.tools);
        c.toolChoice = toolChoice.over(c.toolChoice);
        c.maxOutputTokens = maxOutputTokens.over(c.maxOutputTokens);
        c.tracing = tracing.over(c.tracing);
        c.truncation = truncation.over(c.truncation);
        c.include = include.over(c.include);
        c.prompt = prompt.over(c.prompt);
        c.temperature = temperature.over(c.temperature);
        if (falseInterruption instanceof Change.To<FalseInterruption.Patch> f) {
            c.falseInterruption = f.value().over(c.falseInterruption);
        }
        // Tools and choice may change together, so the choice is checked against the tools after the update.
        if (tools.present() || toolChoice.present()) {
            ToolChecks.choice(c.toolChoice, ToolChecks.names(c.tools), Fields.join(path, "tool_choice"),
                    "session's");
        }
        return c.build();
    }

    private TurnDetection turnDetection(TurnDetection current) {
        return switch (turnDetection) {
            case Change.Keep<TurnDetectionPatch> k -> current;
            case Change.Clear<TurnDetectionPatch> m -> null;
            case Change.To<TurnDetectionPatch> t -> t.value().over(current);
        };
    }
}
