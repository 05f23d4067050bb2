package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** catalog §5.3 audio turn with server_vad, the transcript wait, idle timeout and manual mode, driven by scripted speech. */
class VoiceTurnConformanceTest extends ConnectedClientFixture {
    static final List<String> AUDIO_RESPONSE = List.of("response.output_item.added", "conversation.item.added",
            "response.content_part.added",
            "response.output_audio_transcript.delta", "response.output_audio.delta",
            "response.output_audio_transcript.delta", "response.output_audio.delta",
            "response.output_audio_transcript.delta", "response.output_audio.delta",
            "response.output_audio.done", "response.output_audio_transcript.done", "response.content_part.done",
            "conversation.item.done", "response.output_item.done", "response.done", "rate_limits.updated");

    ScriptedEngineFactory.ScriptedEngine engine;

    @BeforeEach
    void takeTheSessionEngine() throws Exception {
        engine = server.engines.awaitEngine();
    }

    @Test
    void audioTurnFollowsSection53AndWaitsForTheFinalTranscript() throws Exception {
        engine.fire(l -> l.speechStarted(1, 120));
        JsonNode started = client.expect("input_audio_buffer.speech_started");
        String userId = started.path("item_id").asText();
        assertTrue(userId.startsWith("item_"));
        assertEquals(120, started.path("audio_start_ms").asLong());
        engine.fire(l -> l.speechStopped(1, 900, engine.audio(1, 120, 900)));
        assertEquals(900, client.expect("input_audio_buffer.speech_stopped").path("audio_end_ms").asLong());
        JsonNode committed = client.expect("input_audio_buffer.committed");
        assertEquals(userId, committed.path("item_id").asText());
        assertTrue(committed.path("previous_item_id").isNull());
        JsonNode added = client.expect("conversation.item.added");
        assertEquals("input_audio", added.at("/item/content/0/type").asText());
        assertTrue(added.at("/item/content/0/transcript").isNull());
        assertEquals("completed", added.at("/item/status").asText());
        client.expect("conversation.item.done");
        client.expect("response.created");
        client.expectSilence(200); // the model waits for the user's words
        engine.fire(l -> l.transcriptDelta(1, "what time "));
        engine.fire(l -> l.transcriptDelta(1, "is it"));
        engine.fire(l -> l.transcriptCompleted(1, "what time is it"));
        assertEquals("what time ", client.expect("conversation.item.input_audio_transcription.delta")
                .path("delta").asText());
        client.expect("conversation.item.input_audio_transcription.delta");
        JsonNode completed = client.expect("conversation.item.input_audio_transcription.completed");
        assertEquals(userId, completed.path("item_id").asText());
        assertEquals(0, completed.path("content_index").asInt());
        assertEquals("what time is it", completed.path("transcript").asText());
        assertEquals("duration", completed.at("/usage/type").asText());
        List<JsonNode> events = client.eventsThrough("rate_limits.updated");
        assertEquals(AUDIO_RESPONSE, events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("audio", events.get(2).at("/part/type").asText());
        JsonNode done = events.get(14).path("response");
        assertEquals("output_audio", done.at("/output/0/content/0/type").asText());
        assertEquals("You said: what time is it", done.at("/output/0/content/0/transcript").asText());
        assertEquals("alloy", done.at("/audio/output/voice").asText());
        ChatMessage.User asked = (ChatMessage.User) server.engines.requests.get(0).request().messages().get(0);
        assertEquals("what time is it", asked.text(), "the LLM got the final transcript");
        JsonNode timing = client.expect("parley.response.timing");
        assertTrue(timing.path("stages_ms").has("turn_decided"));
        assertTrue(timing.path("stages_ms").has("stt_final"));
        assertTrue(timing.path("ttfa_ms").asDouble() >= 0);
        client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + userId + "\"}");
        JsonNode retrieved = client.expect("conversation.item.retrieved").path("item");
        assertEquals("what time is it", retrieved.at("/content/0/transcript").asText());
        assertEquals(780 * 48, Base64.getDecoder().decode(retrieved.at("/content/0/audio").asText()).length);
    }

    @Test
    void aServerWithNoConversationAudioBudgetKeepsTranscriptsButNoAudio() throws Exception {
        try (TestServer none = new TestServer(TestServer.options(List.of()).withConversationAudioBytes(0));
             RealtimeTestClient c = RealtimeTestClient.connect(none.url())) {
            c.expect("session.created");
            ScriptedEngineFactory.ScriptedEngine e = none.engines.awaitEngine();
            e.fire(l -> l.speechStarted(1, 120));
            String userId = c.await("input_audio_buffer.speech_started").path("item_id").asText();
            e.fire(l -> l.speechStopped(1, 900, e.audio(1, 120, 900)));
            e.fire(l -> l.transcriptCompleted(1, "what time is it"));
            c.await("response.done");
            c.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + userId + "\"}");
            JsonNode item = c.await("conversation.item.retrieved").path("item");
            assertEquals("what time is it", item.at("/content/0/transcript").asText(), "the transcript stays");
            JsonNode audio = item.at("/content/0/audio");
            assertTrue(audio.isMissingNode() || audio.isNull(), item.toString());
        }
    }

    @Test
    void responseProceedsWhenTheTranscriptNeverComes() throws Exception {
        engine.fire(l -> l.speechStarted(1, 0));
        engine.fire(l -> l.speechStopped(1, 500, engine.audio(1, 0, 500)));
        client.await("response.created");
        long t0 = System.nanoTime();
        client.await("response.output_item.added");
        assertTrue((System.nanoTime() - t0) / 1e6 > 1000, "waited for the (2 s) transcript bound");
        client.await("response.done");
    }

    @Test
    void failedTranscriptionIsReportedAndTheTurnStillGetsAnAnswer() throws Exception {
        engine.fire(l -> l.speechStarted(3, 0));
        engine.fire(l -> l.speechStopped(3, 500, engine.audio(3, 0, 500)));
        client.await("response.created");
        engine.fire(l -> l.transcriptFailed(3, "recogniser crashed"));
        JsonNode failed = client.expect("conversation.item.input_audio_transcription.failed");
        assertEquals("recogniser crashed", failed.at("/error/message").asText());
        assertEquals("completed", client.await("response.done").at("/response/status").asText());
    }

    @Test
    void idleTimeoutTriggersCommitAndResponse() throws Exception {
        engine.fire(l -> l.idleTimeout(7, 1000, 7000, engine.audio(7, 1000, 7000)));
        JsonNode t = client.expect("input_audio_buffer.timeout_triggered");
        assertEquals(1000, t.path("audio_start_ms").asLong());
        assertEquals(7000, t.path("audio_end_ms").asLong());
        assertEquals(List.of("input_audio_buffer.committed", "conversation.item.added", "conversation.item.done",
                "response.created"), client.typesThrough("response.created"));
        engine.fire(l -> l.transcriptCompleted(7, ""));
        client.await("response.done");
    }

    @Test
    void manualModeCommitsWithoutRespondingUntilAsked() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":null}}}}");
        client.expect("session.updated");
        String pcm = Base64.getEncoder().encodeToString(new byte[9600]); // 200 ms at 24 kHz
        client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + pcm + "\"}");
        client.send("{\"type\":\"input_audio_buffer.commit\"}");
        JsonNode committed = client.expect("input_audio_buffer.committed");
        client.expect("conversation.item.added");
        client.expect("conversation.item.done");
        client.expectSilence(300);
        assertEquals(9600, engine.appendedBytes);
        client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + pcm + "\"}");
        client.send("{\"type\":\"input_audio_buffer.clear\"}");
        client.expect("input_audio_buffer.cleared");
        client.send("{\"type\":\"conversation.item.delete\",\"item_id\":\""
                + committed.path("item_id").asText() + "\"}");
        assertEquals(committed.path("item_id").asText(),
                client.expect("conversation.item.deleted").path("item_id").asText());
        client.send("{\"type\":\"response.create\"}");
        client.expect("response.created");
        assertFalse(client.typesThrough("response.done").isEmpty());
    }
}
