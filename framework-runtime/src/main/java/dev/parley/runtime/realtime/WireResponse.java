package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The {@code realtime.response} object (catalog §8.2) as Jackson-bound records, one per dialect: snake_case names,
 * fields in OpenAI's order, nulls written. {@code maxOutputTokens} is a number or {@code "inf"}; {@code metadata}
 * is the client's string map (or Parley's {@code parley_resumed}), or null. {@link ResponseJson} builds them.
 */
sealed interface WireResponse {
    String OBJECT = "realtime.response";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Ga(String object, String id, String status, StatusDetails statusDetails, List<WireItem> output,
              String conversationId, List<String> outputModalities, Audio audio, Object maxOutputTokens,
              WireUsage usage, Map<String, String> metadata) implements WireResponse {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Beta(String object, String id, String status, StatusDetails statusDetails, List<WireItem> output,
                String conversationId, List<String> modalities, String voice, String outputAudioFormat,
                double temperature, Object maxOutputTokens, WireUsage usage, Map<String, String> metadata)
            implements WireResponse {
    }

    /** GA {@code audio: {output: {format, voice}}}. */
    record Audio(Output output) {
    }

    record Output(WireSession.Format format, String voice) {
    }

    /** Why a response is not {@code completed}. */
    sealed interface StatusDetails {
    }

    /** {@code {type: "cancelled" | "incomplete", reason}}. */
    record Ended(String type, String reason) implements StatusDetails {
    }

    /** {@code {type: "failed", error: {type, code, message}}}. */
    record Failed(String type, Error error) implements StatusDetails {
    }

    record Error(String type, String code, String message) {
    }
}
