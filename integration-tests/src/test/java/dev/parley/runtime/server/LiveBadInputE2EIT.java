package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.e2e.ParleyServeProcess;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-input list of the protocol issue, on live sessions of {@code parley serve --api-key} with the real
 * default pipeline (a separate process, reached with the JDK's WebSocket client): each bad input gets an
 * {@code error} event with the catalog's code, and the same session then completes a text turn. The two fatal
 * cases (a frame over the size limit, a bad key) close the connection, and the server goes on serving others.
 */
class LiveBadInputE2EIT {
    static final String KEY = "sk-e2e-bad-input";
    static ParleyServeProcess server;
    RealtimeTestClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ParleyServeProcess.start("--api-key", KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        client = open(KEY);
        client.expect("session.created");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    static RealtimeTestClient open(String key) throws Exception {
        return RealtimeTestClient.connect(server.url() + "?model=gpt-realtime",
                Map.of("Authorization", "Bearer " + key), List.of());
    }

    /** Sends {@code json}; the next event is an error with {@code code} and {@code param}; the session goes on. */
    JsonNode assertError(String json, String code, String param) throws Exception {
        client.send(json);
        JsonNode err = checkError(client.expect("error"), code, param);
        assertTextTurnWorks(client);
        return err;
    }

    static JsonNode checkError(JsonNode event, String code, String param) {
        JsonNode err = event.path("error");
        assertTrue(event.path("event_id").asText().startsWith("event_"), event.toString());
        assertEquals("invalid_request_error", err.path("type").asText(), err.toString());
        assertEquals(code, err.path("code").asText(null), err.toString());
        assertEquals(param, err.path("param").asText(null), err.toString());
        assertFalse(err.path("message").asText().isBlank(), err.toString());
        System.out.println("live bad input: " + code + " — " + err.path("message").asText());
        return err;
    }

    /** A typed question answered in text by the default pipeline, with no error on the way. */
    static void assertTextTurnWorks(RealtimeTestClient c) throws Exception {
        c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is two plus three?\"}]}}");
        c.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        List<JsonNode> events = c.eventsThrough("response.done");
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertFalse(types.contains("error"), "no error during the following turn: " + events);
        JsonNode done = events.get(events.size() - 1).path("response");
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals("2 plus 3 is 5.", done.at("/output/0/content/0/text").asText(), done.toString());
        c.expect("rate_limits.updated");
        c.expect("parley.response.timing");
    }

    @Test
    void invalidJson() throws Exception {
        assertError("{not json", "invalid_json", null);
    }

    @Test
    void binaryFrame() throws Exception {
        client.sendBinary(new byte[] {1, 2, 3});
        checkError(client.expect("error"), "invalid_event", null);
        assertTextTurnWorks(client);
    }

    @Test
    void unknownEventType() throws Exception {
        assertError("{\"type\":\"response.frobnicate\"}", "invalid_value", "type");
    }

    @Test
    void missingAndWronglyTypedFields() throws Exception {
        assertError("{\"type\":\"conversation.item.retrieve\"}", "missing_required_parameter", "item_id");
        assertError("{\"type\":\"session.update\",\"session\":{}}", "missing_required_parameter", "session.type");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":5}}",
                "invalid_type", "session.instructions");
    }

    @Test
    void invalidBase64Audio() throws Exception {
        assertError("{\"type\":\"input_audio_buffer.append\",\"audio\":\"!!!not base64!!!\"}", "invalid_value",
                "audio");
    }

    @Test
    void appendOverFifteenMebibytes() throws Exception {
        String audio = Base64.getEncoder().encodeToString(new byte[15 * 1024 * 1024 + 3000]);
        JsonNode err = assertError("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + audio + "\"}",
                "invalid_value", "audio");
        assertTrue(err.path("message").asText().contains("15 MiB"), err.toString());
    }

    @Test
    void responseCreateWhileOneIsActive() throws Exception {
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Tell me a six sentence story about a dragon.\"}]}}");
        client.send("{\"type\":\"response.create\"}");
        String id = client.await("response.created").at("/response/id").asText();
        client.send("{\"type\":\"response.create\",\"event_id\":\"evt_second_create\"}");
        List<JsonNode> until = client.eventsThrough("error");
        JsonNode err = checkError(until.get(until.size() - 1), "conversation_already_has_active_response", null);
        assertEquals("evt_second_create", err.path("event_id").asText(), "the error names the refused event");
        assertTrue(err.path("message").asText().contains(id), err.toString());
        assertFalse(until.stream().anyMatch(e -> e.path("type").asText().equals("response.done")),
                "the story was still active: " + until);
        client.send("{\"type\":\"response.cancel\"}");
        JsonNode done = client.await("response.done").path("response");
        assertEquals(id, done.path("id").asText());
        assertEquals("cancelled", done.path("status").asText(), done.toString());
        assertEquals("client_cancelled", done.at("/status_details/reason").asText(), done.toString());
        client.await("parley.response.timing");
        assertTextTurnWorks(client);
    }

    @Test
    void responseCancelWithNoneActive() throws Exception {
        assertError("{\"type\":\"response.cancel\"}", "response_cancel_not_active", null);
    }

    @Test
    void commitOnAnEmptyBuffer() throws Exception {
        assertError("{\"type\":\"input_audio_buffer.commit\"}", "input_audio_buffer_commit_empty", null);
    }

    @Test
    void truncatePastTheAudio() throws Exception {
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is two plus two?\"}]}}");
        client.send("{\"type\":\"response.create\"}");
        List<JsonNode> events = client.eventsThrough("response.done");
        JsonNode done = events.get(events.size() - 1).path("response");
        assertEquals("completed", done.path("status").asText(), done.toString());
        String item = done.at("/output/0/id").asText();
        long audioBytes = events.stream().filter(e -> e.path("type").asText().equals("response.output_audio.delta"))
                .mapToLong(e -> Base64.getDecoder().decode(e.path("delta").asText()).length).sum();
        long audioMs = audioBytes / 48;
        assertTrue(audioMs > 0, "the answer was spoken");
        client.await("parley.response.timing");
        JsonNode err = assertError("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                + "\",\"content_index\":0,\"audio_end_ms\":" + (audioMs + 60_000) + "}", "invalid_value", "audio_end_ms");
        assertTrue(err.path("message").asText().contains("shorter than " + (audioMs + 60_000) + "ms"), err.toString());
        client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + item + "\"}");
        JsonNode kept = client.expect("conversation.item.retrieved").path("item");
        assertFalse(kept.at("/content/0/transcript").asText().isBlank(), "the item is unchanged: " + kept);
    }

    @Test
    void frameOverTheSizeLimitGetsAnErrorThenClose() throws Exception {
        client.sendUnconfirmed("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(23 * 1024 * 1024)
                + "\"}");
        checkError(client.expect("error"), "message_too_large", null);
        assertEquals(1009, client.awaitClose().code());
        try (RealtimeTestClient next = open(KEY)) {
            next.expect("session.created");
            assertTextTurnWorks(next);
        }
    }

    @Test
    void badOrMissingKeyGetsAnErrorThenClose3000() throws Exception {
        try (RealtimeTestClient bad = open("sk-wrong")) {
            JsonNode err = bad.expect("error").path("error");
            assertEquals("invalid_api_key", err.path("code").asText(), err.toString());
            RealtimeTestClient.Close close = bad.awaitClose();
            assertEquals(3000, close.code());
            assertEquals("invalid_request_error.invalid_api_key", close.reason());
        }
        try (RealtimeTestClient none = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime")) {
            JsonNode err = none.expect("error").path("error");
            assertTrue(err.path("code").isNull(), err.toString());
            assertFalse(err.path("message").asText().isBlank(), err.toString());
            assertEquals(3000, none.awaitClose().code());
        }
        assertTextTurnWorks(client);
    }
}
