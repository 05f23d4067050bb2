package dev.parley.plugins.langchain4j.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.ToolSpec;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ollama provider (LangChain4j's native Ollama client) against a local server speaking Ollama's NDJSON. */
class OllamaProviderTest {
    private LocalOpenAiServer server;
    private LlmEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = new LocalOpenAiServer();
        engine = new OllamaLlmProvider().create(new OllamaConfig(server.root(), "llama3.2", null, null,
                Duration.ofSeconds(10), 0));
    }

    @AfterEach
    void stop() {
        engine.close();
        server.close();
    }

    private static String line(String content, boolean done) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-22T11:22:42.180546Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"" + content + "\"},\"done\":" + done
                + (done ? ",\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":3" : "") + "}\n";
    }

    private static LlmRequest ask(String text) {
        return new LlmRequest("Be brief.", List.of(new ChatMessage.User(text)), List.of(), null, 0.5, 64);
    }

    @Test
    void streamsNdjsonDeltasAndMapsTheRequest() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            for (String p : List.of("The", " capital", " is", " Paris.")) {
                sse.raw(line(p, false));
            }
            sse.raw(line("", true));
        });
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(ask("Capital of France?"), l);
        l.await();
        assertEquals(List.of("The", " capital", " is", " Paris."), l.deltas);
        assertEquals(FinishReason.STOP, l.reason);
        assertEquals(12, l.usage.inputTokens());
        assertEquals(3, l.usage.outputTokens());
        assertEquals("/api/chat", server.paths.get(0));
        JsonNode body = new ObjectMapper().readTree(server.requestBodies.get(0));
        assertEquals("llama3.2", body.path("model").asText());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals(0.5, body.path("options").path("temperature").asDouble(), 1e-9);
        assertEquals(64, body.path("options").path("num_predict").asInt());
    }

    @Test
    void toolCallsArriveWholeAndAreReported() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            sse.raw("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-22T11:22:42Z\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"get_weather\","
                    + "\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":false}\n");
            sse.raw(line("", true));
        });
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(new LlmRequest("", List.of(new ChatMessage.User("Weather in Oslo?")),
                List.of(new ToolSpec("get_weather", "Weather", "{\"type\":\"object\",\"properties\":{\"city\":"
                        + "{\"type\":\"string\"}}}")), null, null, null), l);
        l.await();
        assertNull(l.error, () -> String.valueOf(l.error));
        assertEquals(FinishReason.TOOL_CALLS, l.reason);
        assertEquals("get_weather", l.toolCalls.get(0).name());
        assertEquals("{\"city\":\"Oslo\"}", l.toolCalls.get(0).argumentsJson());
    }

    @Test
    void cancelClosesTheConnection() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            for (int i = 0; i < 1000; i++) {
                sse.raw(line("w" + i + " ", false));
                Thread.sleep(10);
            }
        });
        RecordingLlmListener l = new RecordingLlmListener();
        LlmStream stream = engine.stream(ask("Talk"), l);
        assertTrue(l.firstDelta.await(10, TimeUnit.SECONDS));
        stream.cancel();
        int atCancel = l.events.size();
        assertTrue(server.clientClosed.await(5, TimeUnit.SECONDS), "server saw the connection close");
        Thread.sleep(100);
        assertEquals(atCancel, l.events.size());
    }

    @Test
    void anUnknownModelIsAnInvalidRequest() throws Exception {
        server.script((exchange, sse) -> sse.status(404, "{\"error\":\"model \\\"llama3.2\\\" not found, try "
                + "pulling it first\"}"));
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(ask("Hi"), l);
        l.await();
        assertEquals(LlmException.Kind.INVALID_REQUEST, l.error.kind());
        assertTrue(l.error.getMessage().contains("not found, try pulling it first"), l.error.getMessage());
    }

    @Test
    void modelIsRequired() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> OllamaConfig.from(new ComponentConfig(Map.of(), "pipelines/ollama.yaml")));
        assertTrue(e.getMessage().contains("model") && e.getMessage().contains("ollama pull"), e.getMessage());
        assertEquals(OllamaConfig.DEFAULT_BASE_URL, OllamaConfig.from(new ComponentConfig(Map.of("model", "m"),
                "x")).baseUrl());
    }
}
