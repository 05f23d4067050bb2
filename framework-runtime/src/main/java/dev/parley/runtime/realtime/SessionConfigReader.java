package dev.parley.runtime.realtime;

import static dev.parley.runtime.realtime.Fields.object;
import static dev.parley.runtime.realtime.Fields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Applies a {@code session} object (GA nested shape or beta flat shape, catalog §6) onto a copy of the current
 * configuration. Only present keys change; {@code null} clears the nullable ones. Any error aborts the whole
 * update with a {@link ProtocolException} naming the parameter, and the copy is thrown away.
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
     * GA shape. {@code session.type} is required and must match the session's type.
     *
     * @return the updated copy of {@code current}
     */
    public static SessionConfig applyGa(SessionConfig current, ObjectNode session, String path) {
        Fields.onlyKnown(session, path, GA_KEYS);
        String type = Fields.requireString(session, "type", path);
        String expected = current.type() == SessionConfig.Type.REALTIME ? "realtime" : "transcription";
        Fields.enumValue(session.get("type"), Fields.join(path, "type"), List.of("realtime", "transcription"));
        if (!type.equals(expected)) {
            throw ProtocolException.invalidValue(Fields.join(path, "type"), "Invalid value: '" + type
                    + "'. This session's type is '" + expected + "' and cannot be changed.");
        }
        SessionConfig.Builder c = current.toBuilder();
        ifPresent(session, "model", v -> c.model = string(v, Fields.join(path, "model")));
        ifPresent(session, "instructions", v -> c.instructions = v.isNull() ? "" : string(v, Fields.join(path, "instructions")));
        ifPresent(session, "output_modalities", v -> c.audioOutput =
                SessionValues.audioModality(v, Fields.join(path, "output_modalities")));
        ifPresent(session, "tools", v -> c.tools = SessionValues.tools(v, Fields.join(path, "tools")));
        ifPresent(session, "tool_choice", v -> c.toolChoice = SessionValues.toolChoice(v, Fields.join(path, "tool_choice")));
        checkToolChoice(session, c, path);
        ifPresent(session, "max_output_tokens", v -> c.maxOutputTokens =
                SessionValues.maxTokens(v, Fields.join(path, "max_output_tokens")));
        ifPresent(session, "tracing", v -> c.tracing = SessionValues.tracing(v, Fields.join(path, "tracing")));
        ifPresent(session, "truncation", v -> c.truncation =
                ContextValues.truncation(v, Fields.join(path, "truncation")));
        ifPresent(session, "include", v -> c.include = ContextValues.include(v, Fields.join(path, "include")));
        ifPresent(session, "prompt", v -> c.prompt = ContextValues.prompt(v, Fields.join(path, "prompt")));
        ifPresent(session, "temperature", v -> c.temperature = SessionValues.temperature(v, Fields.join(path, "temperature")));
        readParley(session, c, path);
        if (session.has("audio")) {
            applyGaAudio(c, object(session.get("audio"), Fields.join(path, "audio")), Fields.join(path, "audio"));
        }
        return c.build();
    }

    private static void applyGaAudio(SessionConfig.Builder c, ObjectNode audio, String path) {
        Fields.onlyKnown(audio, path, Set.of("input", "output"));
        if (audio.has("input")) {
            String p = Fields.join(path, "input");
            ObjectNode in = object(audio.get("input"), p);
            Fields.onlyKnown(in, p, Set.of("format", "noise_reduction", "transcription", "turn_detection"));
            ifPresent(in, "format", v -> c.inputFormat = SessionValues.format(v, p + ".format"));
            ifPresent(in, "noise_reduction", v -> c.noiseReduction =
                    SessionValues.noiseReduction(v, p + ".noise_reduction"));
            ifPresent(in, "transcription", v -> c.transcription = SessionValues.transcription(v, p + ".transcription"));
            ifPresent(in, "turn_detection", v -> c.turnDetection =
                    SessionValues.turnDetection(v, c.turnDetection, p + ".turn_detection"));
        }
        if (audio.has("output")) {
            String p = Fields.join(path, "output");
            ObjectNode out = object(audio.get("output"), p);
            Fields.onlyKnown(out, p, Set.of("format", "voice", "speed"));
            ifPresent(out, "format", v -> c.outputFormat = SessionValues.format(v, p + ".format"));
            ifPresent(out, "voice", v -> c.voice = SessionValues.voice(v, p + ".voice"));
            ifPresent(out, "speed", v -> c.speed = SessionValues.speed(v, p + ".speed"));
        }
    }

    /** Beta flat shape (no {@code type}); {@code transcriptionOnly} for {@code transcription_session.update}. */
    public static SessionConfig applyBeta(SessionConfig current, ObjectNode session, String path,
                                          boolean transcriptionOnly) {
        Fields.onlyKnown(session, path, transcriptionOnly ? BETA_TRANSCRIPTION_KEYS : BETA_KEYS);
        SessionConfig.Builder c = current.toBuilder();
        ifPresent(session, "model", v -> c.model = string(v, Fields.join(path, "model")));
        ifPresent(session, "modalities", v -> c.audioOutput = SessionValues.audioModality(v, Fields.join(path, "modalities")));
        ifPresent(session, "instructions", v -> c.instructions = v.isNull() ? "" : string(v, Fields.join(path, "instructions")));
        ifPresent(session, "voice", v -> c.voice = SessionValues.voice(v, Fields.join(path, "voice")));
        ifPresent(session, "input_audio_format", v -> c.inputFormat =
                SessionValues.betaFormat(v, Fields.join(path, "input_audio_format")));
        ifPresent(session, "output_audio_format", v -> c.outputFormat =
                SessionValues.betaFormat(v, Fields.join(path, "output_audio_format")));
        ifPresent(session, "input_audio_transcription", v -> c.transcription =
                SessionValues.transcription(v, Fields.join(path, "input_audio_transcription")));
        ifPresent(session, "input_audio_noise_reduction", v -> c.noiseReduction =
                SessionValues.noiseReduction(v, Fields.join(path, "input_audio_noise_reduction")));
        ifPresent(session, "turn_detection", v -> c.turnDetection =
                SessionValues.turnDetection(v, c.turnDetection, Fields.join(path, "turn_detection")));
        ifPresent(session, "tools", v -> c.tools = SessionValues.tools(v, Fields.join(path, "tools")));
        ifPresent(session, "tool_choice", v -> c.toolChoice = SessionValues.toolChoice(v, Fields.join(path, "tool_choice")));
        checkToolChoice(session, c, path);
        ifPresent(session, "temperature", v -> c.temperature = SessionValues.temperature(v, Fields.join(path, "temperature")));
        ifPresent(session, "max_response_output_tokens", v -> c.maxOutputTokens =
                SessionValues.maxTokens(v, Fields.join(path, "max_response_output_tokens")));
        ifPresent(session, "speed", v -> c.speed = SessionValues.speed(v, Fields.join(path, "speed")));
        ifPresent(session, "tracing", v -> c.tracing = SessionValues.tracing(v, Fields.join(path, "tracing")));
        ifPresent(session, "include", v -> c.include = ContextValues.include(v, Fields.join(path, "include")));
        ifPresent(session, "prompt", v -> c.prompt = ContextValues.prompt(v, Fields.join(path, "prompt")));
        ifPresent(session, "truncation", v -> c.truncation =
                ContextValues.truncation(v, Fields.join(path, "truncation")));
        if (!transcriptionOnly) {
            readParley(session, c, path);
        }
        return c.build();
    }

    /** {@code parley.false_interruption}; {@code parley.variant} is read by {@link SessionUpdates}, the rest is read-only. */
    private static void readParley(ObjectNode session, SessionConfig.Builder c, String path) {
        JsonNode parley = session.get("parley");
        if (parley != null && !parley.isNull()) {
            c.falseInterruption = FalseInterruption.fromParley(parley, c.falseInterruption, Fields.join(path, "parley"));
        }
    }

    /** After an update that touches either, the chosen function must be among the tools (they may change together). */
    private static void checkToolChoice(ObjectNode session, SessionConfig.Builder c, String path) {
        if (session.has("tools") || session.has("tool_choice")) {
            ToolChecks.choice(c.toolChoice, ToolChecks.names(c.tools), Fields.join(path, "tool_choice"), "session's");
        }
    }

    private static void ifPresent(ObjectNode node, String key, java.util.function.Consumer<JsonNode> apply) {
        if (node.has(key)) {
            apply.accept(node.get(key));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
