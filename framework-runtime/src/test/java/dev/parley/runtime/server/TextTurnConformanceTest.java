package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** catalog §5.1 connect and catalog §5.2 text turn, event by event, over a real socket. */
class TextTurnConformanceTest extends ConnectedClientFixture {
    static final String USER_TEXT = "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\","
            + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hello there\"}]}}";
    static final String TEXT_RESPONSE = "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}";

    @Test
    void sessionCreatedCarriesTheFullGaSessionAndPipelineExtension() throws Exception {
        JsonNode s = sessionCreated.path("session");
        assertTrue(s.path("id").asText().startsWith("sess_"));
        assertEquals("realtime.session", s.path("object").asText());
        assertEquals("realtime", s.path("type").asText());
        assertEquals("gpt-realtime", s.path("model").asText());
        assertEquals("Be brief.", s.path("instructions").asText(), "pipeline session defaults apply");
        assertEquals("audio/pcm", s.at("/audio/output/format/type").asText());
        assertEquals(24000, s.at("/audio/output/format/rate").asInt());
        assertEquals("server_vad", s.at("/audio/input/turn_detection/type").asText());
        assertTrue(s.at("/audio/input/turn_detection/interrupt_response").asBoolean());
        assertEquals("alloy", s.at("/audio/output/voice").asText());
        assertEquals("test", s.at("/parley/pipeline").asText());
        assertEquals("A", s.at("/parley/variant").asText());
        assertTrue(s.path("expires_at").asLong() > System.currentTimeMillis() / 1000);
    }

    @Test
    void textTurnFollowsTheObservedOrder() throws Exception {
        client.send(USER_TEXT);
        client.send(TEXT_RESPONSE);
        List<JsonNode> events = client.eventsThrough("rate_limits.updated");
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("conversation.item.added", "conversation.item.done", "response.created",
                "response.output_item.added", "conversation.item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "conversation.item.done",
                "response.output_item.done", "response.done", "rate_limits.updated"), types);
        for (JsonNode e : events) {
            assertTrue(e.path("event_id").asText().startsWith("event_"), "event_id on " + e);
        }
        String userId = events.get(0).at("/item/id").asText();
        assertTrue(userId.startsWith("item_"));
        assertTrue(events.get(0).path("previous_item_id").isNull());
        JsonNode done = events.get(13).path("response");
        assertEquals("completed", done.path("status").asText());
        assertTrue(done.path("id").asText().startsWith("resp_"));
        assertTrue(done.path("conversation_id").asText().startsWith("conv_"));
        assertEquals("You said: hello there", events.get(9).path("text").asText());
        assertEquals("output_text", done.at("/output/0/content/0/type").asText());
        assertEquals("You said: hello there", done.at("/output/0/content/0/text").asText());
        assertEquals(userId, events.get(4).path("previous_item_id").asText(), "assistant item follows the user's");
        assertEquals("text", events.get(5).at("/part/type").asText());
        assertEquals(19, done.at("/usage/total_tokens").asInt());
        JsonNode timing = client.expect("parley.response.timing");
        assertEquals(done.path("id").asText(), timing.path("response_id").asText());
        assertTrue(timing.path("stages_ms").has("first_delta_sent"));
        assertTrue(timing.path("stages_ms").has("done"));
    }

    @Test
    void sessionUpdateMergesPartiallyAndTolerantFieldsAreAccepted() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"model\":\"gpt-realtime\","
                + "\"instructions\":\"Talk like a pirate.\",\"temperature\":0.7,\"tracing\":\"auto\","
                + "\"include\":null,\"prompt\":null,\"audio\":{\"input\":{\"turn_detection\":{\"type\":"
                + "\"semantic_vad\",\"eagerness\":\"low\"}},\"output\":{\"voice\":\"marin\"}}}}");
        JsonNode s = client.expect("session.updated").path("session");
        assertEquals("Talk like a pirate.", s.path("instructions").asText());
        assertEquals("semantic_vad", s.at("/audio/input/turn_detection/type").asText());
        assertEquals("low", s.at("/audio/input/turn_detection/eagerness").asText());
        assertEquals("marin", s.at("/audio/output/voice").asText());
        assertEquals("auto", s.path("tracing").asText());
        assertEquals(24000, s.at("/audio/input/format/rate").asInt(), "untouched keys keep their value");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"\","
                + "\"audio\":{\"input\":{\"turn_detection\":null}}}}");
        JsonNode s2 = client.expect("session.updated").path("session");
        assertEquals("", s2.path("instructions").asText());
        assertTrue(s2.at("/audio/input/turn_detection").isNull());
        assertEquals("marin", s2.at("/audio/output/voice").asText());
        assertEquals(null, server.engines.awaitEngine().settings.turnDetection(), "input path reconfigured");
    }

    @Test
    void outOfBandResponseStaysOutOfTheConversationAndCarriesMetadata() throws Exception {
        client.send(USER_TEXT);
        client.expect("conversation.item.added");
        client.expect("conversation.item.done");
        client.send("{\"type\":\"response.create\",\"event_id\":\"c1\",\"response\":{\"conversation\":\"none\","
                + "\"output_modalities\":[\"text\"],\"instructions\":\"Summarise.\",\"metadata\":{\"topic\":\"x\"},"
                + "\"input\":[{\"type\":\"item_reference\",\"id\":\"" + "nonexistent" + "\"}]}}");
        JsonNode err = client.expect("error").path("error");
        assertEquals("invalid_value", err.path("code").asText());
        assertEquals("c1", err.path("event_id").asText());
        client.send("{\"type\":\"response.create\",\"response\":{\"conversation\":\"none\",\"output_modalities\":"
                + "[\"text\"],\"instructions\":\"Summarise.\",\"metadata\":{\"topic\":\"x\"},\"input\":[]}}");
        List<String> types = client.typesThrough("response.done");
        assertTrue(!types.contains("conversation.item.added"), "out-of-band output is not added: " + types);
        assertEquals("Summarise.", server.engines.requests.get(0).request().instructions());
        assertTrue(server.engines.requests.get(0).request().messages().isEmpty(), "input:[] means empty context");
    }
}
