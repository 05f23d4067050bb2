package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One soak session: a client streaming a looping track in real time (turns; barge-ins when its pauses are shorter
 * than the answer), and, by its {@link Role}, sending bad input now and then or pausing its reading. It keeps the
 * books the soak reports: every {@code response.created} must meet its {@code response.done}, every
 * {@code input_audio_buffer.committed} its transcript (completed or failed), every error must answer a bad
 * input this session sent, and every {@code conversation.item.truncate} its {@code conversation.item.truncated}.
 *
 * <p>A barge-in session speaks again soon after it stopped ({@code --barge-in-gap-ms}: 300 ms on the bench
 * pipeline), while the answer still plays. If the response
 * is still running, the server's VAD cancels it ({@code response.done} {@code cancelled}). If it is done, the
 * client truncates the answer at what it played, as a real client does on an interruption.
 */
final class SoakSession {
    /** What a session does beside talking. */
    enum Role { TURNS, BARGE_IN, BAD_INPUT, SLOW_READER }

    /** Bad inputs, each answered by an {@code error} with the session going on. */
    static final String[] BAD = {
        "{\"type\":\"response.create\",",
        "{\"type\":\"no.such.event\"}",
        "{\"type\":\"input_audio_buffer.append\",\"audio\":\"%%%\"}",
        "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"voice\":7}}",
        "[1,2,3]",
    };

    final Role role;
    final RealtimeClient client;
    private final Set<String> openResponses = ConcurrentHashMap.newKeySet();
    private final Set<String> untranscribed = ConcurrentHashMap.newKeySet();
    private volatile int badSent;
    private volatile int errors;
    private volatile int responses;
    private volatile int cancelled;
    private volatile int commits;
    private volatile String firstUnexpectedError;
    private volatile Integer closeCode;
    private volatile String lastAnswerItem;
    private volatile long lastAnswerStart;
    private volatile boolean responseOpen;
    private final Set<String> untruncated = ConcurrentHashMap.newKeySet();
    private volatile int truncations;
    private volatile long itemsDeleted;

    SoakSession(Role role, RealtimeClient client) {
        this.role = role;
        this.client = client;
        client.tap(this::onEvent);
    }

    void sendBadInput() {
        int n = badSent++; // counted before it is sent: its error may come back before send() returns
        client.send(BAD[n % BAD.length]);
    }

    private void onEvent(RealtimeClient.Event e) {
        switch (e.type()) {
            case "response.created" -> {
                openResponses.add(e.node().path("response").path("id").asText());
                responseOpen = true;
                lastAnswerStart = e.nanos();
                lastAnswerItem = null;
            }
            case "response.output_item.added" -> lastAnswerItem = e.node().path("item").path("id").asText();
            case "input_audio_buffer.speech_started" -> {
                String item = lastAnswerItem;
                if (role == Role.BARGE_IN && !responseOpen && item != null) {
                    long playedMs = Math.min(500, (e.nanos() - lastAnswerStart) / 1_000_000);
                    untruncated.add(item);
                    client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                            + "\",\"content_index\":0,\"audio_end_ms\":" + playedMs + "}");
                    lastAnswerItem = null;
                }
            }
            case "conversation.item.truncated" -> {
                untruncated.remove(e.node().path("item_id").asText());
                truncations++;
            }
            case "response.done" -> {
                JsonNode r = e.node().path("response");
                responseOpen = false;
                openResponses.remove(r.path("id").asText());
                responses++;
                if ("cancelled".equals(r.path("status").asText())) {
                    cancelled++;
                }
            }
            case "input_audio_buffer.committed" -> {
                commits++;
                untranscribed.add(e.node().path("item_id").asText());
            }
            case "conversation.item.input_audio_transcription.completed",
                 "conversation.item.input_audio_transcription.failed" ->
                    untranscribed.remove(e.node().path("item_id").asText());
            case "error" -> {
                errors++;
                if (errors > badSent && firstUnexpectedError == null) {
                    firstUnexpectedError = e.json();
                }
            }
            case "conversation.item.deleted" -> itemsDeleted++; // the soak deletes nothing: the item cap did
            case "close" -> closeCode = e.node().path("code").asInt();
            default -> {
            }
        }
    }

    int lostResponses() {
        return openResponses.size();
    }

    int lostTruncations() {
        return untruncated.size();
    }

    long itemsDeleted() {
        return itemsDeleted;
    }

    int truncations() {
        return truncations;
    }

    int lostTranscripts() {
        return untranscribed.size();
    }

    /** Errors beyond one per bad input sent. */
    int unexpectedErrors() {
        return Math.max(0, errors - badSent);
    }

    int missingErrors() {
        return Math.max(0, badSent - errors);
    }

    int badSent() {
        return badSent;
    }

    int responses() {
        return responses;
    }

    int cancelled() {
        return cancelled;
    }

    int commits() {
        return commits;
    }

    String firstUnexpectedError() {
        return firstUnexpectedError;
    }

    Integer closeCode() {
        return closeCode;
    }
}
