package dev.parley.plugins.langchain4j.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server receives for a conversation: roles, tool calls and results, tools, tool choice, limits. */
class OpenAiRequestMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpec WEATHER = new ToolSpec("get_weather", "Current weather for a city",
            "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                    + "\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"},"
                    + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]},"
                    + "\"days\":{\"type\":\"integer\"}},\"required\":[\"city\"]}");
    private static final ToolSpec TIME = new ToolSpec("get_time", "Current time", "{}");

    private LocalOpenAiServer server;
    private LlmEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = new LocalOpenAiServer().script((exchange, sse) -> {
            sse.open();
            sse.text("ok");
            sse.finish("stop");
        });
        engine = OpenAiTestSupport.engine(server.baseUrl());
    }

    @AfterEach
    void stop() {
        engine.close();
        server.close();
    }

    private JsonNode send(LlmRequest request) throws Exception {
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(request, l);
        l.await();
        return JSON.readTree(server.requestBodies.get(server.requestBodies.size() - 1));
    }

    @Test
    void mapsTheWholeConversation() throws Exception {
        LlmRequest request = new LlmRequest("You are Parley.", List.of(
                new ChatMessage.User("Weather in Oslo?"),
                new ChatMessage.Assistant("Let me check.", List.of(new ToolCall("call_1", "get_weather",
                        "{\"city\":\"Oslo\"}"))),
                new ChatMessage.ToolResult("call_1", null, "{\"temp\":3}"),
                new ChatMessage.Assistant("It is 3 degr"), // truncated by a barge-in: as far as the user heard
                new ChatMessage.User("Thanks")),
                List.of(WEATHER, TIME), ToolChoice.REQUIRED, 0.3, 120);
        JsonNode body = send(request);
        assertEquals("test-model", body.path("model").asText());
        assertTrue(body.path("stream").asBoolean());
        assertEquals(0.3, body.path("temperature").asDouble(), 1e-9);
        assertEquals(120, body.path("max_tokens").asInt());
        JsonNode messages = body.path("messages");
        assertEquals(List.of("system", "user", "assistant", "tool", "assistant", "user"),
                messages.findValuesAsText("role"));
        assertEquals("You are Parley.", messages.get(0).path("content").asText());
        JsonNode call = messages.get(2).path("tool_calls").get(0);
        assertEquals("call_1", call.path("id").asText());
        assertEquals("get_weather", call.path("function").path("name").asText());
        assertEquals("{\"city\":\"Oslo\"}", call.path("function").path("arguments").asText());
        assertEquals("call_1", messages.get(3).path("tool_call_id").asText());
        assertEquals("{\"temp\":3}", messages.get(3).path("content").asText());
        assertEquals("It is 3 degr", messages.get(4).path("content").asText());
        assertEquals("required", body.path("tool_choice").asText());
        JsonNode tools = body.path("tools");
        assertEquals(2, tools.size());
        JsonNode params = tools.get(0).path("function").path("parameters");
        assertEquals("object", params.path("type").asText());
        assertEquals("City name", params.path("properties").path("city").path("description").asText());
        assertEquals(List.of("celsius", "fahrenheit"),
                JSON.convertValue(params.path("properties").path("unit").path("enum"), List.class));
        assertEquals("integer", params.path("properties").path("days").path("type").asText());
        assertEquals("city", params.path("required").get(0).asText());
    }

    @Test
    void aForcedFunctionOffersOnlyThatTool() throws Exception {
        JsonNode body = send(new LlmRequest("", List.of(new ChatMessage.User("Time?")), List.of(WEATHER, TIME),
                ToolChoice.function("get_time"), null, null));
        assertEquals(1, body.path("tools").size());
        assertEquals("get_time", body.path("tools").get(0).path("function").path("name").asText());
        assertEquals("required", body.path("tool_choice").asText());
        assertFalse(body.has("temperature"));
        assertFalse(body.path("messages").get(0).path("role").asText().equals("system"), "no empty system message");
    }

    @Test
    void anUnknownForcedFunctionOrABadSchemaFailsTheResponseNotTheSession() throws Exception {
        RecordingLlmListener l = new RecordingLlmListener();
        engine.stream(new LlmRequest("", List.of(new ChatMessage.User("x")), List.of(TIME),
                ToolChoice.function("nope"), null, null), l);
        assertEquals(LlmException.Kind.INVALID_REQUEST, l.await().error.kind());
        RecordingLlmListener bad = new RecordingLlmListener();
        engine.stream(new LlmRequest("", List.of(new ChatMessage.User("x")),
                List.of(new ToolSpec("broken", "", "{not json")), null, null, null), bad);
        assertEquals(LlmException.Kind.INVALID_REQUEST, bad.await().error.kind());
        assertTrue(bad.error.getMessage().contains("broken"), bad.error.getMessage());
        assertTrue(server.requestBodies.isEmpty(), "nothing sent for requests that cannot be expressed");
        RecordingLlmListener ok = new RecordingLlmListener();
        engine.stream(OpenAiTestSupport.ask("still here?"), ok);
        assertEquals("ok", ok.await().text());
    }
}
