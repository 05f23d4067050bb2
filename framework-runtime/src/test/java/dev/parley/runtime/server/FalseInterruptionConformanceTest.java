package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.engine.ResponseSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * False-interruption resume ({@code session.parley.false_interruption}): a barge-in whose speech holds no words
 * within the window lets the cut answer say its unheard rest, without the LLM; anything else is a normal turn.
 */
class FalseInterruptionConformanceTest extends ConnectedClientFixture {
    static final String FIRST = "One two three four. ";
    static final String SECOND = "Five six seven eight.";
    ScriptedEngineFactory.ScriptedEngine engine;

    @BeforeEach
    void takeTheSessionEngine() throws Exception {
        engine = server.engines.awaitEngine();
    }

    private void enable(long windowMs) throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"parley\":"
                + "{\"false_interruption\":{\"enabled\":true,\"window_ms\":" + windowMs + "}}}}");
        JsonNode fi = client.expect("session.updated").at("/session/parley/false_interruption");
        assertTrue(fi.path("enabled").asBoolean(), fi.toString());
        assertEquals(windowMs, fi.path("window_ms").asLong());
    }

    /** Starts an answer that has spoken {@link #FIRST} and generated {@link #SECOND} too; returns its item id. */
    private String answerThenBargeIn() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text(FIRST), new Step.Audio(400), new Step.Hang(),
                new Step.Text(SECOND));
        client.send("{\"type\":\"response.create\"}");
        String itemId = client.await("response.output_audio.delta").path("item_id").asText();
        engine.fire(l -> l.speechStarted(9, 4000));
        client.expect("input_audio_buffer.speech_started");
        JsonNode done = client.await("response.done");
        assertEquals("cancelled", done.at("/response/status").asText());
        assertEquals("turn_detected", done.at("/response/status_details/reason").asText());
        server.engines.script = ScriptedEngineFactory::echo;
        return itemId;
    }

    private String endTurn(String transcript) throws Exception {
        engine.fire(l -> l.speechStopped(9, 4300, engine.audio(9, 4000, 4300)));
        String userItem = client.await("input_audio_buffer.committed").path("item_id").asText();
        engine.fire(l -> l.transcriptCompleted(9, transcript));
        return userItem;
    }

    private long llmCalls() {
        return server.engines.requests.stream().filter(s -> s.scriptedText() == null).count();
    }

    private void assertNormalTurn(String expectedTranscript) throws Exception {
        JsonNode created = client.await("response.created");
        assertTrue(created.at("/response/metadata").isNull(), created.toString());
        JsonNode done = client.await("response.done");
        assertEquals("completed", done.at("/response/status").asText());
        assertEquals(expectedTranscript, done.at("/response/output/0/content/0/transcript").asText());
        assertEquals(2, llmCalls(), "the new turn was answered by the LLM");
        assertTrue(server.engines.requests.stream().allMatch(s -> s.scriptedText() == null));
    }

    @Test
    void wordlessBargeInWithinTheWindowResumesTheUnheardRest() throws Exception {
        enable(2000);
        String cutItem = answerThenBargeIn();
        String userItem = endTurn("");
        assertEquals(userItem, client.await("conversation.item.deleted").path("item_id").asText(),
                "the blank user turn leaves the conversation");
        JsonNode created = client.await("response.created");
        assertEquals(cutItem, created.at("/response/metadata/parley_resumed").asText());
        JsonNode added = client.await("response.output_item.added");
        assertTrue(!cutItem.equals(added.at("/item/id").asText()), "a new assistant item");
        JsonNode done = client.await("response.done");
        assertEquals("completed", done.at("/response/status").asText());
        assertEquals(cutItem, done.at("/response/metadata/parley_resumed").asText());
        assertEquals(SECOND, done.at("/response/output/0/content/0/transcript").asText());
        assertEquals(1, llmCalls(), "the resume did not call the LLM");
        ResponseSpec resumed = server.engines.requests.get(server.engines.requests.size() - 1);
        assertEquals(SECOND, resumed.scriptedText());
    }

    @Test
    void bargeInWithWordsIsAnOrdinaryTurn() throws Exception {
        enable(2000);
        answerThenBargeIn();
        endTurn("wait what");
        assertNormalTurn("You said: wait what");
    }

    @Test
    void disabledByDefaultSoABlankBargeInIsAnOrdinaryTurn() throws Exception {
        JsonNode fi = sessionCreated.at("/session/parley/false_interruption");
        assertEquals("false", fi.path("enabled").asText(), sessionCreated.toString());
        assertEquals(2000, fi.path("window_ms").asLong());
        answerThenBargeIn();
        endTurn("");
        assertNormalTurn("You said: ");
    }

    @Test
    void aBlankTranscriptAfterTheWindowIsAnOrdinaryTurn() throws Exception {
        enable(300);
        answerThenBargeIn();
        engine.fire(l -> l.speechStopped(9, 4300, engine.audio(9, 4000, 4300)));
        client.await("input_audio_buffer.committed");
        Thread.sleep(700); // well past window_ms before the final transcript arrives
        engine.fire(l -> l.transcriptCompleted(9, ""));
        assertNormalTurn("You said: ");
    }

    @Test
    void afterATruncateTheResumeStartsAfterTheHeardWords() throws Exception {
        enable(2000);
        server.engines.script = spec -> List.of(new Step.Text(FIRST), new Step.Audio(400), new Step.Text(SECOND + " "),
                new Step.Audio(400), new Step.Hang(), new Step.Text("Nine ten."));
        client.send("{\"type\":\"response.create\"}");
        client.await("response.output_audio.delta");
        String cutItem = client.await("response.output_audio.delta").path("item_id").asText();
        engine.fire(l -> l.speechStarted(9, 4000));
        client.await("input_audio_buffer.speech_started");
        client.await("response.done");
        server.engines.script = ScriptedEngineFactory::echo;
        // the client played 600 of 800 ms: it heard "One two three four. Five six"
        client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + cutItem
                + "\",\"content_index\":0,\"audio_end_ms\":600}");
        client.await("conversation.item.truncated");
        endTurn(" ");
        client.await("conversation.item.deleted");
        JsonNode done = client.await("response.done");
        assertEquals(cutItem, done.at("/response/metadata/parley_resumed").asText());
        assertEquals("seven eight. Nine ten.", done.at("/response/output/0/content/0/transcript").asText());
        assertEquals(1, llmCalls());
    }

    @Test
    void speechDroppedBeforeItBecameATurnResumesToo() throws Exception {
        enable(2000);
        String cutItem = answerThenBargeIn();
        client.send("{\"type\":\"input_audio_buffer.clear\"}");
        client.await("input_audio_buffer.cleared");
        JsonNode created = client.expect("response.created");
        assertEquals(cutItem, created.at("/response/metadata/parley_resumed").asText());
        JsonNode done = client.await("response.done");
        assertEquals(SECOND, done.at("/response/output/0/content/0/transcript").asText());
        assertEquals(1, llmCalls());
    }
}
