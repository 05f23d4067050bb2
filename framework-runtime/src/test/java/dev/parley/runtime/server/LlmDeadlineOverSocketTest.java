package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.response.LlmWaits;
import dev.parley.runtime.engine.response.ResponseSettings;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, voice-sized LLM waits through the real response path and socket: a model that accepts and never
 * answers fails the response with {@code llm_timeout} at the first-token timeout (before: 30 s of dead air); a
 * model that says a few words and goes silent has them spoken, and the response ends {@code incomplete}
 * ({@code llm_stalled}) with what was said kept in the conversation (before: never spoken). The next turn works.
 */
class LlmDeadlineOverSocketTest {
    private static final long FIRST_TOKEN_MS = 800;
    private static final long STALL_MS = 600;

    /** Call 0 (and every call when {@link #silent}) never answers; otherwise says "Hello there" and stalls. */
    static final class StallingLlm implements LlmEngine {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile boolean silent = true;
        volatile boolean stallAfterWords;

        @Override
        public LlmStream stream(LlmRequest request, LlmListener listener) {
            int n = calls.getAndIncrement();
            if (!silent) {
                Thread.ofVirtual().start(() -> {
                    listener.onTextDelta("Hello");
                    listener.onTextDelta(" there");
                    if (!stallAfterWords) {
                        listener.onTextDelta(", fine.");
                        listener.onComplete(dev.parley.api.llm.FinishReason.STOP,
                                dev.parley.api.llm.TokenUsage.UNKNOWN);
                    }
                });
            }
            return () -> cancelled.set(true);
        }
    }

    final StallingLlm llm = new StallingLlm();
    RealtimeServer server;
    RealtimeTestClient client;

    void start() throws Exception {
        start(LlmWaits.SERVER_DEFAULTS);
    }

    /** @param stage the llm stage's own waits (its config's keys), over the server's */
    void start(LlmWaits stage) throws Exception {
        Pipeline pipeline = new Pipeline("deadline-test", null, 16000, true,
                new EnergyVadEngine(EnergyVadConfig.defaults()), new EngineOverSocketTest.FixedStt(), null, llm,
                new EngineOverSocketTest.ToneTts(), new ComponentConfig(Map.of(), "test"), null, null, stage);
        ResponseSettings settings = ResponseSettings.DEFAULTS.withLlmTimeouts(FIRST_TOKEN_MS, STALL_MS);
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline,
                new DefaultSessionEngineFactory(settings));
        client = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        client.expect("session.created");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private JsonNode ask() throws Exception {
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]}}");
        client.await("conversation.item.added");
        client.send("{\"type\":\"response.create\"}");
        return client.await("response.created");
    }

    @Test
    void aModelThatNeverAnswersFailsTheResponseAtTheFirstTokenTimeout() throws Exception {
        start();
        ask();
        long sent = System.nanoTime();
        List<JsonNode> events = client.eventsThrough("response.done");
        long ms = (System.nanoTime() - sent) / 1_000_000;
        JsonNode r = events.get(events.size() - 1).path("response");
        assertEquals("failed", r.path("status").asText(), r.toString());
        JsonNode error = r.at("/status_details/error");
        assertEquals("llm_timeout", error.path("code").asText(), r.toString());
        assertTrue(error.path("message").asText().contains("first-token timeout"), r.toString());
        assertTrue(ms >= FIRST_TOKEN_MS - 50 && ms < FIRST_TOKEN_MS + 1500, "failed at the timeout: " + ms + " ms");
        assertTrue(llm.cancelled.get(), "the model's stream was closed");
        System.out.printf("LLM first-token timeout %d ms: response.done failed llm_timeout %d ms after "
                + "response.created%n", FIRST_TOKEN_MS, ms);
        llm.silent = false;
        ask();
        JsonNode next = client.await("response.done").path("response");
        assertEquals("completed", next.path("status").asText(), "the next turn works: " + next);
    }

    @Test
    void aModelThatStallsAfterItsFirstWordsHasThemSpokenAndTheResponseEndsIncomplete() throws Exception {
        start();
        llm.silent = false;
        llm.stallAfterWords = true;
        ask();
        long sent = System.nanoTime();
        List<JsonNode> events = client.eventsThrough("response.done");
        long ms = (System.nanoTime() - sent) / 1_000_000;
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertTrue(types.contains("response.output_audio.delta"), "the words were spoken: " + types);
        JsonNode r = events.get(events.size() - 1).path("response");
        assertEquals("incomplete", r.path("status").asText(), r.toString());
        assertEquals("llm_stalled", r.at("/status_details/reason").asText(), r.toString());
        JsonNode message = r.at("/output/0");
        assertEquals("Hello there", message.at("/content/0/transcript").asText(), r.toString());
        assertTrue(ms >= STALL_MS - 50 && ms < STALL_MS + 2500, "ended after the stall: " + ms + " ms");
        assertTrue(llm.cancelled.get(), "the stalled stream was closed");
        System.out.printf("LLM stall timeout %d ms: 'Hello there' spoken, response.done incomplete llm_stalled "
                + "%d ms after response.created%n", STALL_MS, ms);
        client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + message.path("id").asText()
                + "\"}");
        JsonNode kept = client.await("conversation.item.retrieved").path("item");
        assertEquals("Hello there", kept.at("/content/0/transcript").asText(), "kept in the conversation: " + kept);
        llm.stallAfterWords = false;
        ask();
        JsonNode next = client.await("response.done").path("response");
        assertEquals("completed", next.path("status").asText(), "the next turn works: " + next);
    }

    @Test
    void anLlmStageSetsItsOwnFirstTokenTimeout() throws Exception {
        LlmWaits stage = LlmWaits.from(new ComponentConfig(Map.of("first_token_timeout_ms", "1600"),
                "test.yaml stages.llm.config"));
        assertEquals(new LlmWaits(1600L, null), stage);
        start(stage);
        ask();
        long sent = System.nanoTime();
        JsonNode r = client.await("response.done").path("response");
        long ms = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("llm_timeout", r.at("/status_details/error/code").asText(), r.toString());
        assertTrue(r.at("/status_details/error/message").asText().contains("within 1600 ms"), r.toString());
        assertTrue(ms >= 1550 && ms < 1600 + 1500, "the stage's 1600 ms, not the server's 800: " + ms + " ms");
        System.out.printf("llm stage first_token_timeout_ms 1600 over the server's 800: failed after %d ms%n", ms);
        org.junit.jupiter.api.Assertions.assertThrows(dev.parley.api.ConfigException.class, () -> LlmWaits.from(
                new ComponentConfig(Map.of("stall_timeout_ms", "0"), "test.yaml stages.llm.config")));
    }
}
