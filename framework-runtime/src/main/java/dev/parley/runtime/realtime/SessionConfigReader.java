package dev.parley.runtime.realtime;

import static dev.parley.runtime.realtime.Fields.join;
import static dev.parley.runtime.realtime.Fields.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.WireFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a {@code session} object (GA nested shape or beta flat shape, catalog §6) into a {@link SessionPatch}:
 * only present keys change, {@code null} clears the nullable ones. Every check that needs no session is made
 * here, in the order of the keys below, and fails with a {@link ProtocolException} naming the parameter; the
 * rest are made when the patch is applied, which the {@code apply*} methods do at once.
 */
public final class SessionConfigReader {
    private static final Set<String> READ_ONLY = Set.of("id", "object", "expires_at", "parley", "client_secret",
            "reasoning", "parallel_tool_calls");
    private static final Set<String> GA_KEYS = union(READ_ONLY, Set.of("type", "model", "instructions",
            "output_modalities", "audio", "tools", "tool_choice", "max_output_tokens", "tracing", "truncation",
            "include", "prompt", "temperature"));
    private static final Set<String> BETA_KEYS = union(READ_ONLY, Set.of("model", "modalities", "instructions",
            "voice", "input_audio_format", "output_audio_format", "input_audio_transcription",
            "input_audio_noise_reduction", "turn_detection", "tools", "tool_choice", "temperature",
            "max_response_output_tokens", "speed", "tracing", "include", "prompt", "truncation"));
    private static final Set<String> BETA_TRANSCRIPTION_KEYS = union(READ_ONLY, Set.of("input_audio_format",
            "input_audio_transcription", "input_audio_noise_reduction", "turn_detection", "include", "modalities"));

    private SessionConfigReader() {
    }

    /**
     * GA shape read and applied. {@code session.type} is required and must match the session's type.
     *
     * @return the updated copy of {@code current}
     */
    public static SessionConfig applyGa(SessionConfig current, ObjectNode session, String path) {
        return readGa(session, path).applyTo(current);
    }

    /** Beta flat shape read and applied; {@code transcriptionOnly} for {@code transcription_session.update}. */
    public static SessionConfig applyBeta(SessionConfig current, ObjectNode session, String path,
                                          boolean transcriptionOnly) {
        return readBeta(session, path, transcriptionOnly).applyTo(current);
    }

    /** GA shape; {@code type} is required. */
    public static SessionPatch readGa(ObjectNode s, String path) {
        Fields.onlyKnown(s, path, GA_KEYS);
        String type = Fields.requireString(s, "type", path);
        Fields.enumValue(s.get("type"), join(path, "type"), List.of("realtime", "transcription"));
        Change<String> model = field(s, path, "model", Fields::string);
        Change<String> instructions = field(s, path, "instructions", SessionConfigReader::instructions);
        Change<Boolean> audioOutput = field(s, path, "output_modalities", SessionValues::audioModality);
        Change<ArrayNode> tools = field(s, path, "tools", SessionValues::tools);
        Change<JsonNode> toolChoice = field(s, path, "tool_choice", SessionValues::toolChoice);
        Change<Integer> max = field(s, path, "max_output_tokens", SessionValues::maxTokens);
        Change<JsonNode> tracing = field(s, path, "tracing", SessionValues::tracing);
        Change<JsonNode> truncation = field(s, path, "truncation", ContextValues::truncation);
        Change<JsonNode> include = field(s, path, "include", ContextValues::include);
        Change<JsonNode> prompt = field(s, path, "prompt", ContextValues::prompt);
        Change<Double> temperature = field(s, path, "temperature", SessionValues::temperature);
        Change<FalseInterruption.Patch> falseInterruption = parley(s, path);
        Change<WireFormat> inFormat = Change.keep();
        Change<String> noise = Change.keep();
        Change<ObjectNode> transcription = Change.keep();
        Change<TurnDetectionPatch> turn = Change.keep();
        Change<WireFormat> outFormat = Change.keep();
        Change<String> voice = Change.keep();
        Change<Double> speed = Change.keep();
        if (s.has("audio")) {
            String ap = join(path, "audio");
            ObjectNode audio = object(s.get("audio"), ap);
            Fields.onlyKnown(audio, ap, Set.of("input", "output"));
            if (audio.has("input")) {
                String p = join(ap, "input");
                ObjectNode in = object(audio.get("input"), p);
                Fields.onlyKnown(in, p, Set.of("format", "noise_reduction", "transcription", "turn_detection"));
                inFormat = field(in, p, "format", SessionValues::format);
                noise = field(in, p, "noise_reduction", SessionValues::noiseReduction);
                transcription = field(in, p, "transcription", SessionValues::transcription);
                turn = field(in, p, "turn_detection", SessionConfigReader::turnDetection);
            }
            if (audio.has("output")) {
                String p = join(ap, "output");
                ObjectNode out = object(audio.get("output"), p);
                Fields.onlyKnown(out, p, Set.of("format", "voice", "speed"));
                outFormat = field(out, p, "format", SessionValues::format);
                voice = field(out, p, "voice", SessionValues::voice);
                speed = field(out, p, "speed", SessionValues::speed);
            }
        }
        return new SessionPatch(path, type, model, instructions, audioOutput, inFormat, outFormat, noise,
                transcription, turn, voice, speed, tools, toolChoice, max, tracing, truncation, include, prompt,
                temperature, falseInterruption);
    }

    /** Beta flat shape (no {@code type}); {@code transcriptionOnly} for {@code transcription_session.update}. */
    public static SessionPatch readBeta(ObjectNode s, String path, boolean transcriptionOnly) {
        Fields.onlyKnown(s, path, transcriptionOnly ? BETA_TRANSCRIPTION_KEYS : BETA_KEYS);
        Change<String> model = field(s, path, "model", Fields::string);
        Change<Boolean> audioOutput = field(s, path, "modalities", SessionValues::audioModality);
        Change<String> instructions = field(s, path, "instructions", SessionConfigReader::instructions);
        Change<String> voice = field(s, path, "voice", SessionValues::voice);
        Change<WireFormat> inFormat = field(s, path, "input_audio_format", SessionValues::betaFormat);
        Change<WireFormat> outFormat = field(s, path, "output_audio_format", SessionValues::betaFormat);
        Change<ObjectNode> transcription = field(s, path, "input_audio_transcription", SessionValues::transcription);
        Change<String> noise = field(s, path, "input_audio_noise_reduction", SessionValues::noiseReduction);
        Change<TurnDetectionPatch> turn = field(s, path, "turn_detection", SessionConfigReader::turnDetection);
        Change<ArrayNode> tools = field(s, path, "tools", SessionValues::tools);
        Change<JsonNode> toolChoice = field(s, path, "tool_choice", SessionValues::toolChoice);
        Change<Double> temperature = field(s, path, "temperature", SessionValues::temperature);
        Change<Integer> max = field(s, path, "max_response_output_tokens", SessionValues::maxTokens);
        Change<Double> speed = field(s, path, "speed", SessionValues::speed);
        Change<JsonNode> tracing = field(s, path, "tracing", SessionValues::tracing);
        Change<JsonNode> include = field(s, path, "include", ContextValues::include);
        Change<JsonNode> prompt = field(s, path, "prompt", ContextValues::prompt);
        Change<JsonNode> truncation = field(s, path, "truncation", ContextValues::truncation);
        Change<FalseInterruption.Patch> falseInterruption = transcriptionOnly ? Change.keep() : parley(s, path);
        return new SessionPatch(path, null, model, instructions, audioOutput, inFormat, outFormat, noise,
                transcription, turn, voice, speed, tools, toolChoice, max, tracing, truncation, include, prompt,
                temperature, falseInterruption);
    }

    /** {@code parley.false_interruption}; {@code parley.variant} is read by {@link SessionUpdates}, the rest is read-only. */
    private static Change<FalseInterruption.Patch> parley(ObjectNode session, String path) {
        JsonNode parley = session.get("parley");
        return parley == null || parley.isNull() ? Change.keep()
                : FalseInterruption.fromParley(parley, join(path, "parley"));
    }

    private static String instructions(JsonNode v, String path) {
        return v.isNull() ? "" : Fields.string(v, path);
    }

    private static TurnDetectionPatch turnDetection(JsonNode v, String path) {
        return v.isNull() ? null : TurnDetectionPatch.read(v, path);
    }

    /** The key's change: {@link Change.Keep} when absent, else what {@code read} makes of it (null: clear). */
    private static <T> Change<T> field(ObjectNode node, String path, String key, BiFunction<JsonNode, String, T> read) {
        return node.has(key) ? Change.to(read.apply(node.get(key), join(path, key))) : Change.keep();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
