package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** catalog §10: the beta header or subprotocol switches event names and the session shape for that connection only. */
class BetaDialectTest {
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void betaHeaderGivesFlatSessionAndBetaTextTurn() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), Map.of("OpenAI-Beta", "realtime=v1"),
                List.of())) {
            JsonNode s = c.expect("session.created").path("session");
            assertEquals("pcm16", s.path("input_audio_format").asText());
            assertEquals("alloy", s.path("voice").asText());
            assertEquals(List.of("text", "audio"), List.of(s.at("/modalities/0").asText(), s.at("/modalities/1").asText()));
            assertEquals("server_vad", s.at("/turn_detection/type").asText());
            assertFalse(s.has("audio"), "no GA nesting in beta");
            assertFalse(s.has("type"));
            assertTrue(c.expect("conversation.created").at("/conversation/id").asText().startsWith("conv_"));

            c.send("{\"type\":\"session.update\",\"session\":{\"modalities\":[\"text\"],\"instructions\":\"x\","
                    + "\"voice\":\"verse\",\"input_audio_format\":\"g711_ulaw\",\"output_audio_format\":\"pcm16\","
                    + "\"input_audio_transcription\":null,\"turn_detection\":null,\"tools\":[],\"tool_choice\":"
                    + "\"auto\",\"temperature\":0.8,\"max_response_output_tokens\":4096}}");
            JsonNode u = c.expect("session.updated").path("session");
            assertEquals("g711_ulaw", u.path("input_audio_format").asText());
            assertEquals("verse", u.path("voice").asText());
            assertEquals(0.8, u.path("temperature").asDouble());
            assertEquals(4096, u.path("max_response_output_tokens").asInt());
            assertTrue(u.path("turn_detection").isNull());

            c.send(TextTurnConformanceTest.USER_TEXT);
            c.send("{\"type\":\"response.create\"}");
            List<JsonNode> ev = c.eventsThrough("rate_limits.updated");
            assertEquals(List.of("conversation.item.created", "response.created", "response.output_item.added",
                    "conversation.item.created", "response.content_part.added", "response.text.delta",
                    "response.text.delta", "response.text.delta", "response.text.done", "response.content_part.done",
                    "response.output_item.done", "response.done", "rate_limits.updated"),
                    ev.stream().map(e -> e.path("type").asText()).toList());
            JsonNode done = ev.get(11).path("response");
            assertEquals("text", done.at("/output/0/content/0/type").asText());
            assertEquals("verse", done.path("voice").asText());
            assertEquals("pcm16", done.path("output_audio_format").asText());
            assertEquals("text", done.at("/modalities/0").asText());
        }
    }

    @Test
    void betaSubprotocolGivesBetaAudioEventNames() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), Map.of(),
                List.of("realtime", "openai-beta.realtime-v1"))) {
            assertEquals("realtime", c.subprotocol());
            c.expect("session.created");
            c.expect("conversation.created");
            c.send("{\"type\":\"response.create\"}");
            List<String> types = c.typesThrough("response.done");
            assertTrue(types.contains("response.audio.delta"), types.toString());
            assertTrue(types.contains("response.audio_transcript.delta"));
            assertTrue(types.contains("response.audio.done"));
            assertTrue(types.contains("response.audio_transcript.done"));
            assertFalse(types.stream().anyMatch(t -> t.contains("output_audio")));
            c.send("{\"type\":\"transcription_session.update\",\"session\":{\"input_audio_transcription\":"
                    + "{\"model\":\"whisper-1\",\"language\":\"en\"}}}");
            c.await("rate_limits.updated");
            JsonNode t = c.await("transcription_session.updated").path("session");
            assertEquals("whisper-1", t.at("/input_audio_transcription/model").asText());
        }
    }

    @Test
    void gaConnectionRejectsBetaOnlyEventsAndBetaClientMayStillSendGaShape() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            c.send("{\"type\":\"transcription_session.update\",\"session\":{}}");
            assertEquals("invalid_value", c.expect("error").at("/error/code").asText());
        }
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), Map.of("OpenAI-Beta", "realtime=v1"),
                List.of())) {
            c.expect("session.created");
            c.expect("conversation.created");
            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":"
                    + "{\"voice\":\"ash\"}}}}");
            assertEquals("ash", c.expect("session.updated").at("/session/voice").asText());
        }
    }

    @Test
    void transcriptionIntentTranscribesWithoutResponding() throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(server.url().replace("?model=gpt-realtime",
                "?intent=transcription"))) {
            JsonNode s = c.expect("session.created").path("session");
            assertEquals("transcription", s.path("type").asText());
            assertEquals("realtime.transcription_session", s.path("object").asText());
            ScriptedEngineFactory.ScriptedEngine engine = server.engines.awaitEngine();
            engine.fire(l -> l.speechStarted(1, 0));
            engine.fire(l -> l.speechStopped(1, 800, engine.audio(1, 0, 800)));
            engine.fire(l -> l.transcriptCompleted(1, "hello"));
            assertEquals(List.of("input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
                    "input_audio_buffer.committed", "conversation.item.added", "conversation.item.done",
                    "conversation.item.input_audio_transcription.completed"),
                    c.typesThrough("conversation.item.input_audio_transcription.completed"));
            c.expectSilence(300);
            c.send("{\"type\":\"response.create\"}");
            assertEquals("invalid_value", c.expect("error").at("/error/code").asText());
            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"transcription\",\"audio\":{\"input\":"
                    + "{\"transcription\":{\"model\":\"gpt-4o-transcribe\"}}}}}");
            assertEquals("gpt-4o-transcribe", c.expect("session.updated")
                    .at("/session/audio/input/transcription/model").asText());
        }
    }
}
