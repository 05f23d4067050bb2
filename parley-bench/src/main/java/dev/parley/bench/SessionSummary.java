package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a session came to, read from its server events (the same reader for a recording and for its replay, so
 * the two compare like for like): the user's turns with their boundaries and transcripts, the agent's replies
 * with status, time to first audio and stage times ({@code parley.response.timing}), barge-ins and errors, and the
 * client's edits the server applied (truncations, deletions, retrievals, function call outputs).
 */
public record SessionSummary(List<Turn> turns, List<Reply> replies, List<String> errors, List<Applied> applied) {
    /** A client edit the server confirmed: its event, the id it applied to, and what else it carried. */
    public record Applied(String event, String id, String detail) {
        Applied withId(UnaryOperator<String> ids) {
            return new Applied(event, ids.apply(id), detail);
        }
    }

    /** A user turn: where speech started and stopped in the input audio, and what was heard. */
    public record Turn(String itemId, long startMs, long endMs, String transcript) {
    }

    /** A response: its spoken or written text, how it ended, its time to first audio and stage times. */
    public record Reply(String responseId, String status, String reason, String text, Double ttfaMs,
                 Map<String, Double> stagesMs) {
        boolean bargedIn() {
            return "cancelled".equals(status) && "turn_detected".equals(reason);
        }
    }

    static SessionSummary of(List<TimedEvent> events) {
        Map<String, long[]> bounds = new LinkedHashMap<>();
        Map<String, String> transcripts = new LinkedHashMap<>();
        Map<String, Reply> replies = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        for (TimedEvent t : events) {
            JsonNode e = t.event();
            switch (t.type()) {
                case "input_audio_buffer.speech_started" -> bounds.computeIfAbsent(e.path("item_id").asText(),
                        k -> new long[] {-1, -1})[0] = e.path("audio_start_ms").asLong();
                case "input_audio_buffer.speech_stopped" -> bounds.computeIfAbsent(e.path("item_id").asText(),
                        k -> new long[] {-1, -1})[1] = e.path("audio_end_ms").asLong();
                case "conversation.item.input_audio_transcription.completed" ->
                        transcripts.put(e.path("item_id").asText(), e.path("transcript").asText());
                case "response.done" -> {
                    JsonNode r = e.path("response");
                    replies.put(r.path("id").asText(), new Reply(r.path("id").asText(), r.path("status").asText(),
                            r.at("/status_details/reason").asText(null), text(r), null, Map.of()));
                }
                case "parley.response.timing" -> {
                    Reply r = replies.get(e.path("response_id").asText());
                    if (r != null) {
                        Map<String, Double> stages = new LinkedHashMap<>();
                        e.path("stages_ms").properties().forEach(s -> stages.put(s.getKey(), s.getValue().asDouble()));
                        replies.put(r.responseId(), new Reply(r.responseId(), r.status(), r.reason(), r.text(),
                                e.path("ttfa_ms").isNumber() ? e.path("ttfa_ms").asDouble() : null, stages));
                    }
                }
                case "error" -> errors.add(e.at("/error/code").asText());
                case "conversation.item.truncated" -> applied.add(new Applied(t.type(), e.path("item_id").asText(),
                        "audio_end_ms=" + e.path("audio_end_ms").asText()));
                case "conversation.item.deleted" -> applied.add(new Applied(t.type(), e.path("item_id").asText(), ""));
                case "conversation.item.retrieved" -> applied.add(new Applied(t.type(), e.at("/item/id").asText(),
                        ""));
                case "conversation.item.added" -> {
                    if (e.at("/item/type").asText().equals("function_call_output")) {
                        applied.add(new Applied("function_call_output", e.at("/item/call_id").asText(), ""));
                    }
                }
                default -> { }
            }
        }
        List<Turn> turns = new ArrayList<>();
        bounds.forEach((id, b) -> turns.add(new Turn(id, b[0], b[1], transcripts.getOrDefault(id, ""))));
        transcripts.forEach((id, text) -> {
            if (!bounds.containsKey(id)) {
                turns.add(new Turn(id, -1, -1, text));
            }
        });
        return new SessionSummary(turns, List.copyOf(replies.values()), errors, applied);
    }

    /** This summary with every item, response and call id read through {@code ids} (a replay's, as recorded). */
    SessionSummary withIds(UnaryOperator<String> ids) {
        return new SessionSummary(
                turns.stream().map(t -> new Turn(ids.apply(t.itemId()), t.startMs(), t.endMs(), t.transcript()))
                        .toList(),
                replies.stream().map(r -> new Reply(ids.apply(r.responseId()), r.status(), r.reason(), r.text(),
                        r.ttfaMs(), r.stagesMs())).toList(),
                errors, applied.stream().map(a -> a.withId(ids)).toList());
    }

    private static String text(JsonNode response) {
        StringBuilder s = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            for (JsonNode c : item.path("content")) {
                String part = c.path("transcript").asText(c.path("text").asText(""));
                if (!part.isEmpty()) {
                    s.append(s.isEmpty() ? "" : " ").append(part);
                }
            }
        }
        return s.toString().strip();
    }

    public List<String> transcripts() {
        return turns.stream().map(Turn::transcript).toList();
    }

    public long bargeIns() {
        return replies.stream().filter(Reply::bargedIn).count();
    }

    /** Times to first audio of the replies that have one. */
    List<Double> ttfas() {
        return replies.stream().map(Reply::ttfaMs).filter(t -> t != null).toList();
    }
}
