package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The server events, typed: records serialised by Jackson (snake_case names, fields in declaration order, nulls
 * written). {@code type} is the dialect's event name, {@code eventId} a fresh {@code event_…} id. Nested protocol
 * objects are records too (items and parts: {@link WireItem}, usage: {@link WireUsage}, the response:
 * {@link WireResponse}, the session: {@link WireSession}), built by {@link ResponseJson} and
 * {@link SessionConfigWriter}. The audio delta keeps its streamed writer ({@link EventEmitter#sendAudioDelta}).
 */
public sealed interface ServerEvent {
    String type();

    String eventId();

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Bare(String type, String eventId) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SpeechStarted(String type, String eventId, long audioStartMs, String itemId) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SpeechStopped(String type, String eventId, long audioEndMs, String itemId) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TimeoutTriggered(String type, String eventId, long audioStartMs, long audioEndMs, String itemId)
            implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Committed(String type, String eventId, String previousItemId, String itemId) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TranscriptionDelta(String type, String eventId, String itemId, int contentIndex, String delta)
            implements ServerEvent {
    }

    /** Parley's {@code parley.input_audio_transcription.revised}: the deltas so far are replaced by this text. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TranscriptionRevised(String type, String eventId, String itemId, int contentIndex, String transcript)
            implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TranscriptionCompleted(String type, String eventId, String itemId, int contentIndex, String transcript,
                                  DurationUsage usage) implements ServerEvent {
    }

    record DurationUsage(String type, double seconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TranscriptionFailed(String type, String eventId, String itemId, int contentIndex, Problem error)
            implements ServerEvent {
    }

    /** An error object: {@code type, code, message, param}. */
    record Problem(String type, String code, String message, String param) {
    }

    /** {@code conversation.item.added/created/done}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Item(String type, String eventId, String previousItemId, WireItem item) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemDeleted(String type, String eventId, String itemId) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemRetrieved(String type, String eventId, WireItem item) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemTruncated(String type, String eventId, String itemId, long contentIndex, long audioEndMs)
            implements ServerEvent {
    }

    /** {@code response.created} and {@code response.done}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Response(String type, String eventId, WireResponse response) implements ServerEvent {
    }

    /** {@code response.output_item.added/done}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutputItem(String type, String eventId, String responseId, int outputIndex, WireItem item)
            implements ServerEvent {
    }

    /** {@code response.content_part.added/done}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContentPart(String type, String eventId, String responseId, String itemId, int outputIndex,
                       int contentIndex, WireItem.Part part) implements ServerEvent {
    }

    /** {@code response.output_audio.done}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContentDone(String type, String eventId, String responseId, String itemId, int outputIndex,
                       int contentIndex) implements ServerEvent {
    }

    /** {@code response.output_text.delta} and {@code response.output_audio_transcript.delta}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContentDelta(String type, String eventId, String responseId, String itemId, int outputIndex,
                        int contentIndex, String delta) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TranscriptDone(String type, String eventId, String responseId, String itemId, int outputIndex,
                          int contentIndex, String transcript) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TextDone(String type, String eventId, String responseId, String itemId, int outputIndex,
                    int contentIndex, String text) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ArgumentsDelta(String type, String eventId, String responseId, String itemId, int outputIndex,
                          String callId, String delta) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ArgumentsDone(String type, String eventId, String responseId, String itemId, int outputIndex,
                         String callId, String name, String arguments) implements ServerEvent {
    }

    /** {@code session.created/updated}, {@code transcription_session.updated}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Session(String type, String eventId, WireSession session) implements ServerEvent {
    }

    /** Beta {@code conversation.created}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConversationCreated(String type, String eventId, ConversationRef conversation) implements ServerEvent {
    }

    record ConversationRef(String id, String object) {
    }

    /** Parley's {@code parley.response.timing}; {@code ttfaMs} null when unknown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Timing(String type, String eventId, String responseId, java.util.Map<String, Double> stagesMs,
                  Double ttfaMs) implements ServerEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RateLimits(String type, String eventId, java.util.List<RateLimit> rateLimits) implements ServerEvent {
    }

    /** One entry of {@code rate_limits.updated}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RateLimit(String name, long limit, long remaining, double resetSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Error(String type, String eventId, ErrorDetail error) implements ServerEvent {
    }

    /** An {@code error} event's object; {@code eventId} is the offending client event's. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ErrorDetail(String type, String code, String message, String param, String eventId) {
    }
}
