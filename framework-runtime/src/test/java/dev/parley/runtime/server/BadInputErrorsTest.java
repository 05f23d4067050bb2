package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.FinishReason;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad input of catalog §9 gets its error event with the catalog's code, and the connection keeps working. */
class BadInputErrorsTest extends ConnectedClientFixture {
    /** Sends {@code json}, asserts the error's code/param, then proves the session still answers. */
    private JsonNode assertError(String json, String code, String param) throws Exception {
        client.send(json);
        JsonNode e = client.expect("error");
        JsonNode err = e.path("error");
        assertTrue(e.path("event_id").asText().startsWith("event_"));
        assertEquals(code, err.path("code").asText(null), () -> "error " + err);
        assertEquals(param, err.path("param").asText(null), () -> "error " + err);
        assertEquals("invalid_request_error", err.path("type").asText());
        assertTrue(err.path("message").asText().length() > 10);
        assertAlive();
        return err;
    }

    private void assertAlive() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        client.expect("session.updated");
    }

    @Test
    void invalidJson() throws Exception {
        JsonNode err = assertError("{not json", "invalid_json", null);
        assertTrue(err.path("message").asText().startsWith("Invalid event: failed to parse JSON value"));
    }

    @Test
    void binaryFrame() throws Exception {
        client.sendBinary(new byte[] {1, 2, 3});
        JsonNode err = client.expect("error").path("error");
        assertEquals("invalid_event", err.path("code").asText());
        assertEquals("Expected a text WebSocket message; binary frames are not supported.",
                err.path("message").asText());
        assertAlive();
    }

    @Test
    void missingType() throws Exception {
        JsonNode err = assertError("{\"event_id\":\"e1\"}", "invalid_event", null);
        assertEquals("The 'type' field is missing.", err.path("message").asText());
        assertEquals("e1", err.path("event_id").asText(), "inner event_id echoes the client's");
    }

    @Test
    void unknownType() throws Exception {
        JsonNode err = assertError("{\"type\":\"session.frobnicate\"}", "invalid_value", "type");
        assertTrue(err.path("message").asText().startsWith(
                "Invalid value: 'session.frobnicate'. Supported values are: 'session.update', "), err.toString());
    }

    @Test
    void unknownFieldsAtEveryLevel() throws Exception {
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"bogus_field\":1}}",
                "unknown_parameter", "session.bogus_field");
        assertError("{\"type\":\"response.cancel\",\"extra\":true}", "unknown_parameter", "extra");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":"
                + "{\"loudness\":3}}}}", "unknown_parameter", "session.audio.output.loudness");
    }

    @Test
    void missingAndWronglyTypedFields() throws Exception {
        JsonNode err = assertError("{\"type\":\"session.update\",\"session\":{}}",
                "missing_required_parameter", "session.type");
        assertEquals("Missing required parameter: 'session.type'.", err.path("message").asText());
        assertError("{\"type\":\"conversation.item.retrieve\"}", "missing_required_parameter", "item_id");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":5}}",
                "invalid_type", "session.instructions");
        assertError("{\"type\":\"conversation.item.truncate\",\"item_id\":\"x\",\"content_index\":0,"
                + "\"audio_end_ms\":\"10\"}", "invalid_type", "audio_end_ms");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"format\":{\"type\":\"audio/pcm\",\"rate\":16000}}}}}", "integer_below_min_value",
                "session.audio.input.format.rate");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"format\":{\"type\":\"g711-ulaw\"}}}}}", "invalid_value", "session.audio.input.format.type");
    }

    @Test
    void invalidUpdateIsRejectedWhole() throws Exception {
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"new\","
                + "\"audio\":{\"output\":{\"speed\":9}}}}", "decimal_out_of_range", "session.audio.output.speed");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        assertEquals("Be brief.", client.expect("session.updated").at("/session/instructions").asText());
    }

    @Test
    void invalidBase64Audio() throws Exception {
        assertError("{\"type\":\"input_audio_buffer.append\",\"audio\":\"!!!not base64!!!\"}", "invalid_value",
                "audio");
    }

    @Test
    void appendOverFifteenMebibytesIsRefusedWithoutClosing() throws Exception {
        String audio = Base64.getEncoder().encodeToString(new byte[15 * 1024 * 1024 + 3000]);
        JsonNode err = assertError("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + audio + "\"}",
                "invalid_value", "audio");
        assertTrue(err.path("message").asText().contains("15 MiB"));
        assertEquals(0, server.engines.awaitEngine().appendedBytes, "nothing of the oversize append was used");
    }

    @Test
    void frameOverTheLimitGetsAnErrorThenClose() throws Exception {
        client.sendUnconfirmed("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(23 * 1024 * 1024) + "\"}");
        JsonNode err = client.expect("error").path("error");
        assertEquals("message_too_large", err.path("code").asText());
        assertEquals(1009, client.awaitClose().code());
    }

    @Test
    void commitOnEmptyBuffer() throws Exception {
        assertError("{\"type\":\"input_audio_buffer.commit\"}", "input_audio_buffer_commit_empty", null);
    }

    @Test
    void responseCreateWhileActiveAndCancelWithNoneActive() throws Exception {
        server.engines.script = spec -> List.of(new Step.Hang());
        JsonNode err = assertError("{\"type\":\"response.cancel\"}", "response_cancel_not_active", null);
        assertEquals("Cancellation failed: no active response found", err.path("message").asText());
        client.send("{\"type\":\"response.create\"}");
        String id = client.expect("response.created").at("/response/id").asText();
        client.send("{\"type\":\"response.create\",\"event_id\":\"agents_js_response_create_2\"}");
        JsonNode busy = client.expect("error").path("error");
        assertEquals("conversation_already_has_active_response", busy.path("code").asText());
        assertEquals("agents_js_response_create_2", busy.path("event_id").asText());
        assertTrue(busy.path("message").asText().contains(id));
        client.send("{\"type\":\"response.cancel\"}");
        assertEquals("cancelled", client.await("response.done").at("/response/status").asText());
    }

    @Test
    void voiceCannotChangeOnceAssistantAudioExists() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Hi."), new Step.Audio(50),
                new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":"
                + "{\"voice\":\"ash\"}}}}");
        client.expect("session.updated");
        client.send("{\"type\":\"response.create\"}");
        client.await("parley.response.timing");
        JsonNode err = assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":"
                + "{\"output\":{\"voice\":\"echo\"}}}}", "cannot_update_voice", null);
        assertEquals("Cannot update a conversation's voice if assistant audio is present.",
                err.path("message").asText());
    }

    @Test
    void parleyVoiceChangesTheVoiceLiveEvenAfterAssistantAudio() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Hi."), new Step.Audio(50),
                new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"response.create\"}");
        client.await("parley.response.timing");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"parley\":{\"voice\":\"echo\"}}}");
        JsonNode updated = client.await("session.updated").path("session");
        assertEquals("echo", updated.at("/audio/output/voice").asText(), updated.toString());
        client.send("{\"type\":\"response.create\"}");
        client.await("parley.response.timing");
        assertEquals("echo", server.engines.requests.get(server.engines.requests.size() - 1).voice().voice(),
                "the next response speaks with the new voice");
        assertError("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"parley\":{\"voice\":\"\"}}}",
                "invalid_value", "session.parley.voice");
    }

    @Test
    void conversationItemChecks() throws Exception {
        assertError("{\"type\":\"conversation.item.delete\",\"item_id\":\"item_nope\"}", "invalid_value", "item_id");
        assertError("{\"type\":\"conversation.item.create\",\"previous_item_id\":\"item_nope\",\"item\":{\"type\":"
                + "\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"a\"}]}}",
                "invalid_value", "previous_item_id");
        assertError("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"call_unknown\",\"output\":\"{}\"}}", "invalid_value", "item.call_id");
        assertError("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"output_audio\",\"transcript\":\"x\"}]}}", "invalid_value",
                "item.content[0].type");
    }
}
