package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmStream;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.plugins.langchain4j.OpenAiChunks;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.parley.plugins.langchain4j.openai.OpenAiTestSupport.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The openai provider against a local OpenAI-compatible SSE server: deltas, tool calls, cancel. */
class OpenAiStreamingTest {
    private LocalOpenAiServer server;
    private LlmEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = new LocalOpenAiServer();
        engine = OpenAiTestSupport.engine(server.baseUrl());
    }

    @AfterEach
    void stop() {
        engine.close();
        server.close();
    }

    @Test
    void streamsTextDeltasInOrder() throws Exception {
        List<String> pieces = List.of("Hel", "lo", ", ", "wor", "ld", "!");
        server.script((exchange, sse) -> {
            sse.open();
            for (String p : pieces) {
                sse.text(p);
                Thread.sleep(5);
            }
            sse.finish("stop");
        });
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(ask("Say hello"), l);
        l.await();
        assertEquals(pieces, l.deltas);
        assertEquals(FinishReason.STOP, l.reason);
        assertEquals(7, l.usage.inputTokens());
        assertEquals(5, l.usage.outputTokens());
        assertNull(l.error);
        assertEquals("Bearer " + OpenAiTestSupport.SECRET, server.authorizations.get(0));
    }

    @Test
    void reassemblesTwoParallelToolCallsStreamedInFragments() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            sse.data(OpenAiChunks.toolCallStart(0, "call_weather", "get_weather"));
            sse.data(OpenAiChunks.toolCallArguments(0, "{\"loc"));
            sse.data(OpenAiChunks.toolCallArguments(0, "ation\":\"Par"));
            sse.data(OpenAiChunks.toolCallArguments(0, "is\"}"));
            sse.data(OpenAiChunks.toolCallStart(1, "call_time", "get_time"));
            sse.data(OpenAiChunks.toolCallArguments(1, "{\"zone\":"));
            sse.data(OpenAiChunks.toolCallArguments(1, "\"CET\"}"));
            sse.finish("tool_calls");
        });
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(ask("Weather and time in Paris?"), l);
        l.await();
        assertNull(l.error, () -> String.valueOf(l.error));
        assertEquals(FinishReason.TOOL_CALLS, l.reason);
        assertEquals(2, l.toolCalls.size());
        assertEquals("call_weather", l.toolCalls.get(0).callId());
        assertEquals("get_weather", l.toolCalls.get(0).name());
        assertEquals("{\"location\":\"Paris\"}", l.toolCalls.get(0).argumentsJson());
        assertEquals("call_time", l.toolCalls.get(1).callId());
        assertEquals("{\"zone\":\"CET\"}", l.toolCalls.get(1).argumentsJson());
        assertEquals(List.of("0:call_weather:get_weather:{\"loc", "0:call_weather:get_weather:ation\":\"Par",
                "0:call_weather:get_weather:is\"}", "1:call_time:get_time:{\"zone\":",
                "1:call_time:get_time:\"CET\"}"), l.toolDeltas);
        // Call 0 completes before call 1's deltas; call 1 completes before the end.
        assertEquals(List.of("toolDelta:0", "toolDelta:0", "toolDelta:0", "tool:0:get_weather", "toolDelta:1",
                "toolDelta:1", "tool:1:get_time", "complete:TOOL_CALLS"), l.events);
    }

    @Test
    void cancelMidStreamClosesTheConnectionAndSilencesTheListener() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            for (int i = 0; i < 1000; i++) { // bounded: 10 s at most
                sse.text("tok" + i + " ");
                Thread.sleep(10);
            }
            sse.finish("stop");
        });
        RecordingLlmListener l = new RecordingLlmListener();
        LlmStream stream = engine.stream(ask("Count"), l);
        assertTrue(l.firstDelta.await(10, TimeUnit.SECONDS));
        while (l.deltas.size() < 3) {
            Thread.sleep(1);
        }
        long cancelAt = System.nanoTime();
        stream.cancel();
        int eventsAtCancel = l.events.size();
        assertTrue(server.clientClosed.await(5, TimeUnit.SECONDS), "server saw the connection close");
        long closeMs = TimeUnit.NANOSECONDS.toMillis(server.clientClosedAtNanos.get() - cancelAt);
        System.out.printf("cancel mid-stream: server saw the connection close %d ms after cancel()"
                + " (it writes a chunk every 10 ms)%n", closeMs);
        Thread.sleep(100);
        assertEquals(eventsAtCancel, l.events.size(), "no callbacks after cancel: " + l.events);
        assertNull(l.reason);
        assertNull(l.error);
    }

    @Test
    void cancelBeforeTheFirstTokenAlsoClosesTheConnection() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            for (int i = 0; i < 1000; i++) { // a slow model: keep-alive comments, no token yet
                sse.raw(": waiting\n\n");
                Thread.sleep(10);
            }
        });
        RecordingLlmListener l = new RecordingLlmListener();
        LlmStream stream = engine.stream(ask("Think hard"), l);
        Thread.sleep(150);
        stream.cancel();
        assertTrue(server.clientClosed.await(5, TimeUnit.SECONDS), "server saw the connection close");
        Thread.sleep(100);
        assertTrue(l.events.isEmpty(), () -> "no callbacks: " + l.events);
    }

    @Test
    void theEngineServesTheNextRequestAfterACancel() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            sse.text("again");
            sse.finish("stop");
        });
        for (int i = 0; i < 3; i++) {
            RecordingLlmListener l = new RecordingLlmListener();
            LlmStream s = engine.stream(ask("Hi"), l);
            if (i == 1) {
                s.cancel();
                continue;
            }
            l.await();
            assertEquals("again", l.text());
        }
    }
}
