package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** catalog §5.5 barge-in at several moments, catalog §5.6 cancel, truncation and its effect on the model's history. */
class BargeInConformanceTest extends ConnectedClientFixture {
    ScriptedEngineFactory.ScriptedEngine engine;

    @BeforeEach
    void takeTheSessionEngine() throws Exception {
        engine = server.engines.awaitEngine();
    }

    private void speakAndInterrupt() throws Exception {
        engine.fire(l -> l.speechStarted(9, 4000));
        client.expect("input_audio_buffer.speech_started");
    }

    private void assertCancelled(JsonNode done, String reason) {
        assertEquals("cancelled", done.at("/response/status").asText());
        assertEquals("cancelled", done.at("/response/status_details/type").asText());
        assertEquals(reason, done.at("/response/status_details/reason").asText());
    }

    @Test
    void bargeInBeforeFirstAudioCancelsWithNothingToClose() throws Exception {
        server.engines.script = spec -> List.of(new Step.Sleep(5000), new Step.Text("late"));
        client.send("{\"type\":\"response.create\"}");
        client.expect("response.created");
        speakAndInterrupt();
        assertCancelled(client.expect("response.done"), "turn_detected");
        client.expect("rate_limits.updated");
        client.expect("parley.response.timing");
        assertEquals(1, server.engines.cancellations.get(), "the engine's streams were cancelled");
        client.expectSilence(200);
    }

    @Test
    void bargeInMidAudioEmitsTheClosersWithIncompleteItems() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("One two three four. "), new Step.Audio(400),
                new Step.Text("Five six seven eight."), new Step.Audio(400), new Step.Hang());
        client.send("{\"type\":\"response.create\"}");
        client.await("response.output_audio.delta");
        JsonNode secondDelta = client.await("response.output_audio.delta");
        String itemId = secondDelta.path("item_id").asText();
        speakAndInterrupt();
        List<JsonNode> closers = client.eventsThrough("response.done");
        assertEquals(List.of("response.output_audio.done", "response.output_audio_transcript.done",
                        "response.content_part.done", "conversation.item.done", "response.output_item.done",
                        "response.done"),
                closers.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("incomplete", closers.get(3).at("/item/status").asText());
        assertEquals("incomplete", closers.get(4).at("/item/status").asText());
        assertCancelled(closers.get(5), "turn_detected");
        client.expect("rate_limits.updated");
        client.expect("parley.response.timing");

        // the client played 600 of 800 ms: the server keeps only the words heard
        client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":600}");
        JsonNode truncated = client.expect("conversation.item.truncated");
        assertEquals(600, truncated.path("audio_end_ms").asInt());
        client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        JsonNode item = client.expect("conversation.item.retrieved").path("item");
        assertEquals("One two three four. Five six", item.at("/content/0/transcript").asText());

        server.engines.script = ScriptedEngineFactory::echo;
        engine.fire(l -> l.speechStopped(9, 5000, engine.audio(9, 4000, 5000)));
        engine.fire(l -> l.transcriptCompleted(9, "stop"));
        client.await("response.done");
        List<ChatMessage> history = server.engines.requests.get(1).request().messages();
        assertEquals(new ChatMessage.Assistant("One two three four. Five six"), history.get(0),
                "the model's history holds only what was heard");
        assertEquals(new ChatMessage.User("stop"), history.get(1));
    }

    @Test
    void bargeInDuringAToolCallClosesTheCallIncomplete() throws Exception {
        server.engines.script = spec -> List.of(new Step.ToolDelta(0, "call_abc", "lookup", "{\"q\":"),
                new Step.Hang());
        client.send("{\"type\":\"response.create\"}");
        JsonNode delta = client.await("response.function_call_arguments.delta");
        assertEquals("call_abc", delta.path("call_id").asText());
        speakAndInterrupt();
        List<JsonNode> closers = client.eventsThrough("response.done");
        assertEquals(List.of("conversation.item.done", "response.output_item.done", "response.done"),
                closers.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("incomplete", closers.get(1).at("/item/status").asText());
        assertEquals("function_call", closers.get(1).at("/item/type").asText());
        assertCancelled(closers.get(2), "turn_detected");
    }

    @Test
    void noInterruptionWhenInterruptResponseIsFalse() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"interrupt_response\":false}}}}}");
        client.expect("session.updated");
        server.engines.script = spec -> List.of(new Step.Text("Hi"), new Step.Audio(100), new Step.Sleep(300),
                new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"response.create\"}");
        client.await("response.output_audio.delta");
        speakAndInterrupt();
        assertEquals("completed", client.await("response.done").at("/response/status").asText());
        // a turn that ends while the response still runs is answered right after it, not dropped
        server.engines.script = spec -> List.of(new Step.Hang());
        client.send("{\"type\":\"response.create\"}");
        client.await("response.created");
        engine.fire(l -> l.speechStopped(9, 4500, engine.audio(9, 4000, 4500)));
        engine.fire(l -> l.transcriptCompleted(9, "and another thing"));
        client.await("input_audio_buffer.committed");
        server.engines.script = ScriptedEngineFactory::echo;
        client.send("{\"type\":\"response.cancel\"}");
        client.await("response.done");
        client.await("response.created");
        assertEquals("completed", client.await("response.done").at("/response/status").asText());
    }

    @Test
    void clientCancelAndTruncateChecks() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Hello there."), new Step.Audio(300), new Step.Hang());
        client.send("{\"type\":\"response.create\"}");
        String itemId = client.await("response.output_audio.delta").path("item_id").asText();
        client.send("{\"type\":\"response.cancel\"}");
        JsonNode done = client.await("response.done");
        assertCancelled(done, "client_cancelled");
        assertEquals("incomplete", done.at("/response/output/0/status").asText());
        client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":301}");
        JsonNode err = client.await("error").path("error");
        assertEquals("audio_end_ms", err.path("param").asText());
        assertTrue(err.path("message").asText().contains("300ms"));
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"id\":\"item_text1\",\"type\":\"message\","
                + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}");
        client.await("conversation.item.done");
        client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_text1\",\"content_index\":0,"
                + "\"audio_end_ms\":0}");
        JsonNode unsupported = client.await("error").path("error");
        assertEquals("unsupported_content_type", unsupported.path("code").asText());
        assertEquals("Only model output audio messages can be truncated", unsupported.path("message").asText());
    }

    @Test
    void cancelByIdReachesAnOutOfBandResponse() throws Exception {
        server.engines.script = spec -> List.of(new Step.Hang());
        client.send("{\"type\":\"response.create\",\"response\":{\"conversation\":\"none\"}}");
        String oob = client.expect("response.created").at("/response/id").asText();
        client.send("{\"type\":\"response.create\"}");
        client.expect("response.created");
        client.send("{\"type\":\"response.cancel\",\"response_id\":\"" + oob + "\"}");
        JsonNode done = client.expect("response.done");
        assertEquals(oob, done.at("/response/id").asText());
        assertTrue(done.at("/response/conversation_id").isNull());
        assertCancelled(done, "client_cancelled");
    }
}
