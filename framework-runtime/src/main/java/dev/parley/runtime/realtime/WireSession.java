package dev.parley.runtime.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The session object of {@code session.created}/{@code session.updated} (catalog §6.1, §6.2) as Jackson-bound
 * records, one per dialect shape: snake_case names, fields in OpenAI's order, nulls written. The fields only a
 * realtime session has are null for a transcription session and then left out ({@code NON_NULL}); where such a
 * field's JSON value may itself be {@code null} it is a {@link JsonNode}, whose {@code NullNode} is written.
 * {@link SessionConfigWriter} builds them.
 */
sealed interface WireSession {
    /** GA nested shape. {@code maxOutputTokens}: a number or {@code "inf"}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Ga(String type, String object, String id,
              @JsonInclude(JsonInclude.Include.NON_NULL) String model,
              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> outputModalities,
              @JsonInclude(JsonInclude.Include.NON_NULL) String instructions,
              GaAudio audio,
              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode tools,
              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode toolChoice,
              @JsonInclude(JsonInclude.Include.NON_NULL) Object maxOutputTokens,
              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode tracing,
              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode truncation,
              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode prompt,
              long expiresAt, JsonNode include, Parley parley) implements WireSession {
    }

    /** Beta flat shape. {@code maxResponseOutputTokens}: a number or {@code "inf"}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Beta(String id, String object, long expiresAt, List<String> modalities,
                @JsonInclude(JsonInclude.Include.NON_NULL) String model,
                @JsonInclude(JsonInclude.Include.NON_NULL) String instructions,
                @JsonInclude(JsonInclude.Include.NON_NULL) String voice,
                @JsonInclude(JsonInclude.Include.NON_NULL) String outputAudioFormat,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double speed,
                @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode tools,
                @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode toolChoice,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double temperature,
                @JsonInclude(JsonInclude.Include.NON_NULL) Object maxResponseOutputTokens,
                @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode tracing,
                String inputAudioFormat, JsonNode inputAudioTranscription, NoiseReduction inputAudioNoiseReduction,
                TurnDetection turnDetection, JsonNode include, Parley parley) implements WireSession {
    }

    /** GA {@code audio}; {@code output} only in a realtime session. */
    record GaAudio(GaInput input, @JsonInclude(JsonInclude.Include.NON_NULL) GaOutput output) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GaInput(Format format, JsonNode transcription, NoiseReduction noiseReduction,
                   TurnDetection turnDetection) {
    }

    record GaOutput(Format format, String voice, double speed) {
    }

    /** GA {@code {type, rate}}; the rate only for PCM, the one format whose rate is not implied. */
    record Format(String type, @JsonInclude(JsonInclude.Include.NON_NULL) Integer rate) {
    }

    record NoiseReduction(String type) {
    }

    /** A turn detection object; null is manual mode. */
    sealed interface TurnDetection {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServerVad(String type, double threshold, int prefixPaddingMs, int silenceDurationMs,
                     Integer idleTimeoutMs, boolean createResponse, boolean interruptResponse)
            implements TurnDetection {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SemanticVad(String type, String eagerness, boolean createResponse, boolean interruptResponse)
            implements TurnDetection {
    }

    /** Parley's extension: the pipeline serving the session, the variant chosen and the false-interruption setting. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Parley(String pipeline, String variant, Resume falseInterruption) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Resume(boolean enabled, long windowMs) {
    }
}
