package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** catalog §5.4 function calls round trip, component failure, and the max-token limit. */
class ResponseOutcomesTest extends ConnectedClientFixture {
    @Test
    void functionCallRoundTrip() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"output_modalities\":[\"text\"],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather by city\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}],"
                + "\"tool_choice\":\"required\"}}");
        client.expect("session.updated");
        server.engines.script = spec -> List.of(new Step.Text("Let me check."),
                new Step.Tool(0, "call_w1", "get_weather", "{\"city\":", "\"Paris\"}"),
                new Step.Complete(FinishReason.TOOL_CALLS));
        client.send("{\"type\":\"response.create\"}");
        List<JsonNode> ev = client.eventsThrough("response.done");
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.done",
                "response.content_part.done", "conversation.item.done", "response.output_item.done",
                "response.output_item.added", "conversation.item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "conversation.item.done", "response.output_item.done", "response.done"),
                ev.stream().map(e -> e.path("type").asText()).toList());
        JsonNode callAdded = ev.get(9);
        assertEquals(1, callAdded.path("output_index").asInt());
        assertEquals("function_call", callAdded.at("/item/type").asText());
        assertEquals("in_progress", callAdded.at("/item/status").asText());
        assertEquals("get_weather", callAdded.at("/item/name").asText());
        assertEquals("", callAdded.at("/item/arguments").asText());
        JsonNode argsDone = ev.get(13);
        assertEquals("{\"city\":\"Paris\"}", argsDone.path("arguments").asText());
        assertEquals("get_weather", argsDone.path("name").asText());
        assertEquals("call_w1", argsDone.path("call_id").asText());
        assertEquals("completed", ev.get(15).at("/item/status").asText());
        assertEquals(2, ev.get(16).at("/response/output").size());
        ToolSpec spec = server.engines.requests.get(0).request().tools().get(0);
        assertEquals("get_weather", spec.name());
        assertTrue(spec.parametersJsonSchema().contains("\"city\""));
        assertEquals(ToolChoice.REQUIRED, server.engines.requests.get(0).request().toolChoice());

        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"call_w1\",\"output\":\"{\\\"temp\\\":21}\"}}");
        client.await("conversation.item.done");
        client.expectSilence(200); // no automatic response to a function output
        server.engines.script = spec2 -> List.of(new Step.Text("21 degrees."), new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"response.create\"}");
        client.await("response.done");
        List<ChatMessage> history = server.engines.requests.get(1).request().messages();
        ChatMessage.Assistant call = (ChatMessage.Assistant) history.get(0);
        assertEquals("Let me check.", call.text());
        assertEquals("call_w1", call.toolCalls().get(0).callId());
        assertEquals(new ChatMessage.ToolResult("call_w1", "get_weather", "{\"temp\":21}"), history.get(1));
    }

    @Test
    void componentFailureEndsTheResponseFailedAndTheSessionGoesOn() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Hel"),
                new Step.Fail("llm_timeout", "The model did not answer within 10 s."));
        client.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        List<JsonNode> ev = client.eventsThrough("response.done");
        JsonNode done = ev.get(ev.size() - 1).path("response");
        assertEquals("failed", done.path("status").asText());
        assertEquals("failed", done.at("/status_details/type").asText());
        assertEquals("server_error", done.at("/status_details/error/type").asText());
        assertEquals("llm_timeout", done.at("/status_details/error/code").asText());
        assertEquals("The model did not answer within 10 s.", done.at("/status_details/error/message").asText());
        assertEquals("incomplete", done.at("/output/0/status").asText());
        client.expect("rate_limits.updated");
        client.expect("parley.response.timing");
        server.engines.script = ScriptedEngineFactory::echo;
        client.send(TextTurnConformanceTest.USER_TEXT);
        client.send(TextTurnConformanceTest.TEXT_RESPONSE);
        assertEquals("completed", client.await("response.done").at("/response/status").asText());
    }

    @Test
    void maxOutputTokensEndsIncomplete() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Very long"), new Step.Complete(FinishReason.LENGTH));
        client.send("{\"type\":\"response.create\",\"response\":{\"max_output_tokens\":2,"
                + "\"output_modalities\":[\"text\"]}}");
        JsonNode done = client.await("response.done").path("response");
        assertEquals("incomplete", done.path("status").asText());
        assertEquals("max_output_tokens", done.at("/status_details/reason").asText());
        assertEquals(2, done.path("max_output_tokens").asInt());
        assertEquals(Integer.valueOf(2), server.engines.requests.get(0).request().maxOutputTokens());
    }
}
