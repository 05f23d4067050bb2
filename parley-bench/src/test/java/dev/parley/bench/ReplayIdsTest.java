package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Recorded ids against replayed ids: a spoken question, the function call it asks for, the client's output, the
 * spoken answer, and the client's truncation of it, announced with one set of ids in the recording and another
 * in the replay.
 */
class ReplayIdsTest {
    /** The server events of one run, with its own ids ({@code p}: a prefix that makes them differ). */
    static List<TimedEvent> session(String p) throws Exception {
        List<String> lines = List.of(
                "{\"type\":\"input_audio_buffer.speech_started\",\"item_id\":\"" + p + "u1\",\"audio_start_ms\":300}",
                "{\"type\":\"input_audio_buffer.speech_stopped\",\"item_id\":\"" + p + "u1\",\"audio_end_ms\":1900}",
                "{\"type\":\"conversation.item.added\",\"item\":{\"id\":\"" + p + "u1\",\"type\":\"message\","
                        + "\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}}",
                "{\"type\":\"response.created\",\"response\":{\"id\":\"" + p + "r1\"}}",
                "{\"type\":\"response.output_item.added\",\"response_id\":\"" + p + "r1\",\"item\":{\"id\":\"" + p
                        + "f1\",\"type\":\"function_call\",\"call_id\":\"" + p + "c1\",\"name\":\"get_weather\"}}",
                "{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"" + p
                        + "u1\",\"transcript\":\"what is the weather\"}",
                "{\"type\":\"response.done\",\"response\":{\"id\":\"" + p + "r1\",\"status\":\"completed\"}}",
                "{\"type\":\"conversation.item.added\",\"item\":{\"id\":\"" + p + "o1\",\"type\":"
                        + "\"function_call_output\",\"call_id\":\"" + p + "c1\"}}",
                "{\"type\":\"response.created\",\"response\":{\"id\":\"" + p + "r2\"}}",
                "{\"type\":\"response.output_item.added\",\"response_id\":\"" + p + "r2\",\"item\":{\"id\":\"" + p
                        + "a1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}",
                "{\"type\":\"response.done\",\"response\":{\"id\":\"" + p + "r2\",\"status\":\"completed\"}}",
                "{\"type\":\"conversation.item.truncated\",\"item_id\":\"" + p + "a1\",\"audio_end_ms\":640}");
        List<TimedEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(new TimedEvent(i * 100, Recording.JSON.readTree(lines.get(i))));
        }
        return events;
    }

    static JsonNode json(String s) throws Exception {
        return Recording.JSON.readTree(s);
    }

    static ReplayIds replayedAll() throws Exception {
        ReplayIds ids = new ReplayIds(session("rec_"));
        session("rep_").forEach(t -> ids.replayed(t.event()));
        return ids;
    }

    @Test
    void clientEventsThatNameRecordedIdsAreSentWithTheReplaysIds() throws Exception {
        ReplayIds ids = replayedAll();
        assertEquals(json("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"rep_c1\",\"output\":\"{}\"}}"), ids.remap(json("{\"type\":\"conversation.item.create\","
                + "\"item\":{\"type\":\"function_call_output\",\"call_id\":\"rec_c1\",\"output\":\"{}\"}}"), 0));
        assertEquals(json("{\"type\":\"conversation.item.truncate\",\"item_id\":\"rep_a1\",\"content_index\":0,"
                + "\"audio_end_ms\":640}"), ids.remap(json("{\"type\":\"conversation.item.truncate\",\"item_id\":"
                + "\"rec_a1\",\"content_index\":0,\"audio_end_ms\":640}"), 0));
        assertEquals("rep_u1", ids.remap(json("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"rec_u1\"}"), 0)
                .path("item_id").asText());
        assertEquals("rep_f1", ids.remap(json("{\"type\":\"conversation.item.delete\",\"item_id\":\"rec_f1\"}"), 0)
                .path("item_id").asText());
        assertEquals("rep_r2", ids.remap(json("{\"type\":\"response.cancel\",\"response_id\":\"rec_r2\"}"), 0)
                .path("response_id").asText());
        JsonNode create = ids.remap(json("{\"type\":\"conversation.item.create\",\"previous_item_id\":\"rec_a1\","
                + "\"item\":{\"id\":\"mine_1\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}}"), 0);
        assertEquals("rep_a1", create.path("previous_item_id").asText());
        assertEquals("mine_1", create.at("/item/id").asText(), "a client's own id is kept");
        JsonNode response = ids.remap(json("{\"type\":\"response.create\",\"response\":{\"input\":[{\"type\":"
                + "\"item_reference\",\"id\":\"rec_u1\"},{\"type\":\"message\",\"id\":\"rec_u1\"}]}}"), 0);
        assertEquals("rep_u1", response.at("/response/input/0/id").asText(), "an item reference names a server id");
        assertEquals("rec_u1", response.at("/response/input/1/id").asText(), "an item's own id is not a reference");
    }

    @Test
    void anEventWaitsUntilTheReplayAnnouncesTheIdItNames() throws Exception {
        List<TimedEvent> replay = session("rep_");
        ReplayIds ids = new ReplayIds(session("rec_"));
        replay.subList(0, 9).forEach(t -> ids.replayed(t.event())); // up to the answer's response.created
        CompletableFuture<JsonNode> truncate = CompletableFuture.supplyAsync(() -> {
            try {
                return ids.remap(json("{\"type\":\"conversation.item.truncate\",\"item_id\":\"rec_a1\"}"), 20_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertTrue(!truncate.isDone(), "the answer's item is not announced yet");
        ids.replayed(replay.get(9).event());
        assertEquals("rep_a1", truncate.get(10, TimeUnit.SECONDS).path("item_id").asText());
    }

    @Test
    void anIdTheReplayNeverAnnouncesGoesAsRecordedAfterTheWait() throws Exception {
        ReplayIds ids = new ReplayIds(session("rec_"));
        session("rep_").subList(0, 3).forEach(t -> ids.replayed(t.event()));
        assertEquals("rec_a1", ids.toReplayed("rec_a1", 50));
        assertEquals("rep_u1", ids.toReplayed("rec_u1", 0));
        assertEquals("rec_u1", ids.toRecorded("rep_u1"));
        assertEquals("unknown", ids.toRecorded("unknown"));
    }

    @Test
    void aReplayWithOtherIdsComparesEqualToItsRecording() throws Exception {
        ReplayIds ids = replayedAll();
        SessionSummary recorded = SessionSummary.of(session("rec_"));
        SessionSummary raw = SessionSummary.of(session("rep_"));
        assertEquals(List.of(new SessionSummary.Applied("function_call_output", "rec_c1", ""),
                new SessionSummary.Applied("conversation.item.truncated", "rec_a1", "audio_end_ms=640")),
                recorded.applied());
        assertTrue(!new ReplayComparison("s", "t", recorded, raw).differences().isEmpty(),
                "read raw, the replay's ids differ from the recording's");
        ReplayComparison c = new ReplayComparison("s", "t", recorded, raw.withIds(ids.asRecorded()));
        assertEquals(List.of(), c.differences());
        assertEquals("rec_r2", c.replayed().replies().get(1).responseId());
    }
}
