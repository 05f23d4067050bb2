package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The recorded session's ids against the replayed session's: the replay's server names its items, responses and
 * calls afresh, so a recorded client event that names one ({@code conversation.item.truncate}, {@code .delete},
 * {@code .retrieve}, {@code previous_item_id}, a {@code function_call_output}'s {@code call_id},
 * {@code response.cancel}) is rewritten to the replay's id before it is sent, and the replay's summary is read
 * in the recording's ids. Ids map by what they name ({@link SessionIds}). A client event that names an id the
 * replay has not announced yet waits for it (the replay may run faster or slower than the recording), for at
 * most {@code waitMs}; then it goes as recorded and the server's error shows in the comparison.
 */
final class ReplayIds {
    /** The fields of client events that name a server id (an {@code item_reference}'s {@code id} too). */
    static final Set<String> ID_FIELDS = Set.of("item_id", "previous_item_id", "response_id", "call_id");

    private final SessionIds recorded = new SessionIds();
    private final SessionIds replayed = new SessionIds();

    ReplayIds(List<TimedEvent> recordedEvents) {
        recordedEvents.forEach(t -> recorded.add(t.event()));
    }

    /** Takes the ids a replayed server event announces (from the client's reader thread). */
    synchronized void replayed(JsonNode event) {
        replayed.add(event);
        notifyAll();
    }

    /** The replay's id for a recorded one: itself when the recording never announced it (a client's own id). */
    synchronized String toReplayed(String recordedId, long waitMs) throws InterruptedException {
        String key = recorded.keyOf(recordedId);
        if (key == null) {
            return recordedId;
        }
        long end = System.nanoTime() + waitMs * 1_000_000;
        String id;
        while ((id = replayed.idOf(key)) == null) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return recordedId;
            }
            wait(left);
        }
        return id;
    }

    /** The recording's id for a replayed one: itself when the recording has nothing under its key. */
    synchronized String toRecorded(String replayedId) {
        String key = replayed.keyOf(replayedId);
        String id = key == null ? null : recorded.idOf(key);
        return id == null ? replayedId : id;
    }

    /** {@code clientEvent} with every id it names in the replay's ids (a copy; the recording is not changed). */
    JsonNode remap(JsonNode clientEvent, long waitMs) throws InterruptedException {
        JsonNode copy = clientEvent.deepCopy();
        remapIn(copy, waitMs);
        return copy;
    }

    private void remapIn(JsonNode node, long waitMs) throws InterruptedException {
        if (node instanceof ObjectNode o) {
            boolean reference = "item_reference".equals(o.path("type").asText());
            for (Map.Entry<String, JsonNode> f : List.copyOf(o.properties())) {
                boolean names = ID_FIELDS.contains(f.getKey()) || reference && f.getKey().equals("id");
                if (names && f.getValue().isTextual()) {
                    o.set(f.getKey(), TextNode.valueOf(toReplayed(f.getValue().asText(), waitMs)));
                } else {
                    remapIn(f.getValue(), waitMs);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                remapIn(n, waitMs);
            }
        }
    }

    /** Reads replayed ids as recorded ones (for {@link SessionSummary#withIds}). */
    UnaryOperator<String> asRecorded() {
        return this::toRecorded;
    }
}
