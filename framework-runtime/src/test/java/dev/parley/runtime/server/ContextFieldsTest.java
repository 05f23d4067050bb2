package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: fields that were accepted and did nothing. A response-level {@code audio.output.speed} now reaches
 * the TTS for that response only; {@code truncation} cuts the history sent to the model; {@code prompt} and
 * {@code include} values Parley cannot honour are refused instead of echoed.
 */
class ContextFieldsTest extends ConnectedClientFixture {
    @Test
    void responseSpeedReachesTheVoiceOfThatResponseOnly() throws Exception {
        server.engines.script = spec -> List.of(new Step.Text("Hi."), new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"response.create\",\"response\":{\"audio\":{\"output\":{\"speed\":0.5}}}}");
        client.await("response.done");
        client.send("{\"type\":\"response.create\"}");
        client.await("response.done");
        assertEquals(0.5, server.engines.requests.get(0).voice().speed());
        assertEquals(1.0, server.engines.requests.get(1).voice().speed(), "the session's speed is unchanged");
    }

    @Test
    void responseSpeedOutOfRangeIsRefused() throws Exception {
        client.send("{\"type\":\"response.create\",\"response\":{\"audio\":{\"output\":{\"speed\":3}}}}");
        JsonNode error = client.await("error").path("error");
        assertEquals("decimal_out_of_range", error.path("code").asText());
        assertEquals("response.audio.output.speed", error.path("param").asText());
    }

    @Test
    void retentionRatioKeepsTheNewestHistoryWithinTheLimit() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"truncation\":{\"type\":"
                + "\"retention_ratio\",\"retention_ratio\":0.5,\"token_limits\":{\"post_instructions\":20}}}}");
        assertEquals(0.5, client.await("session.updated").at("/session/truncation/retention_ratio").asDouble());
        for (String text : List.of("first message, which is quite long and old", "second message, also long",
                "third and newest")) {
            client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}");
            client.await("conversation.item.done");
        }
        server.engines.script = spec -> List.of(new Step.Text("Ok."), new Step.Complete(FinishReason.STOP));
        client.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        client.await("response.done");
        // ~11 + 7 + 4 estimated tokens > 20: keep the newest that fit in 0.5 × 20 = 10 tokens
        assertEquals(List.of(new ChatMessage.User("third and newest")),
                server.engines.requests.get(0).request().messages());
    }

    @Test
    void valuesParleyCannotHonourAreRefused() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"truncation\":{\"type\":"
                + "\"retention_ratio\",\"retention_ratio\":0.8}}}");
        JsonNode noLimit = client.await("error").path("error");
        assertEquals("invalid_value", noLimit.path("code").asText());
        assertEquals("session.truncation.token_limits.post_instructions", noLimit.path("param").asText());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"prompt\":{\"id\":\"pmpt_1\"}}}");
        JsonNode prompt = client.await("error").path("error");
        assertEquals("invalid_value", prompt.path("code").asText());
        assertEquals("session.prompt", prompt.path("param").asText());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"include\":"
                + "[\"item.input_audio_transcription.logprobs\"]}}");
        JsonNode include = client.await("error").path("error");
        assertEquals("invalid_value", include.path("code").asText());
        assertEquals("session.include[0]", include.path("param").asText());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"truncation\":\"disabled\","
                + "\"prompt\":null,\"include\":[]}}");
        JsonNode session = client.await("session.updated").path("session");
        assertEquals("disabled", session.path("truncation").asText());
    }
}
