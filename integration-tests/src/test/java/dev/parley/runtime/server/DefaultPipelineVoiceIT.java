package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.RepoPaths;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real default pipeline (energy VAD, pocketsphinx and its LM turn detector from their plugin zips, the
 * rule-based responder, MaryTTS from its plugin zip) behind the real server and the real session engine: a
 * recorded spoken question goes in over a socket and a spoken answer comes out; speaking over a long answer
 * cancels it and the spoken interruption becomes the next turn.
 */
class DefaultPipelineVoiceIT {
    static Pipeline pipeline;
    static RealtimeServer server;

    @BeforeAll
    static void start() throws Exception {
        // No OPENAI_API_KEY / PARLEY_LLM_BASE_URL: the offline rule-based responder answers.
        PipelineDefinition definition = new PipelineParser(new EnvInterpolator(Map.<String, String>of()::get))
                .parse(RepoPaths.root().resolve("pipelines/default.yaml"));
        pipeline = new PipelineAssembler(ComponentLoader.shared(RepoPaths.plugins()).registry()).assemble(definition);
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline, new DefaultSessionEngineFactory());
    }

    @AfterAll
    static void stop() {
        server.close();
        pipeline.close();
    }

    static RealtimeTestClient connect(String turnDetection) throws Exception {
        RealtimeTestClient c = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        c.expect("session.created");
        c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":" + turnDetection + "}}}}");
        c.expect("session.updated");
        return c;
    }

    static void say(RealtimeTestClient c, String fixture, int leadMs, int tailMs) throws Exception {
        byte[] pcm = EngineOverSocketTest.speech(fixture, leadMs, tailMs);
        for (int off = 0; off < pcm.length; off += 4800) {
            byte[] piece = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + 4800));
            c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(piece) + "\"}");
        }
    }

    static long audioBytes(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("response.output_audio.delta"))
                .mapToLong(e -> Base64.getDecoder().decode(e.path("delta").asText()).length).sum();
    }

    @Test
    void spokenQuestionInSpokenAnswerOut() throws Exception {
        try (RealtimeTestClient c = connect("{\"type\":\"server_vad\",\"silence_duration_ms\":600}")) {
            say(c, "weather-slt.wav", 500, 1500);
            c.await("input_audio_buffer.speech_started");
            c.expect("input_audio_buffer.speech_stopped");
            List<JsonNode> events = c.eventsThrough("response.done");
            JsonNode heard = events.stream().filter(e -> e.path("type").asText()
                    .equals("conversation.item.input_audio_transcription.completed")).findFirst().orElseThrow();
            String transcript = heard.path("transcript").asText();
            assertTrue(transcript.contains("weather"), "pocketsphinx heard: " + transcript);
            JsonNode done = events.get(events.size() - 1).path("response");
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertFalse(done.at("/output/0/content/0/transcript").asText().isBlank(), done.toString());
            long bytes = audioBytes(events);
            assertTrue(bytes > 48 * 500, "MaryTTS spoke at least half a second at 24 kHz: " + bytes + " bytes");
            JsonNode timing = c.await("parley.response.timing");
            System.out.println("default pipeline, spoken turn: " + timing.path("stages_ms"));
        }
    }

    @Test
    void speakingOverALongAnswerCancelsItAndBecomesTheNextTurn() throws Exception {
        try (RealtimeTestClient c = connect("{\"type\":\"server_vad\",\"silence_duration_ms\":600}")) {
            c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"Tell me a six sentence story about a "
                    + "dragon.\"}]}}");
            c.send("{\"type\":\"response.create\"}");
            c.await("response.output_audio.delta");
            say(c, "station-slt.wav", 200, 1500); // decoded alike from any start offset, unlike joke-slt
            List<JsonNode> first = c.eventsThrough("response.done");
            List<String> types = first.stream().map(e -> e.path("type").asText()).toList();
            JsonNode cancelled = first.get(first.size() - 1).path("response");
            assertEquals("cancelled", cancelled.path("status").asText(), types.toString());
            assertEquals("turn_detected", cancelled.at("/status_details/reason").asText());
            int onset = types.indexOf("input_audio_buffer.speech_started");
            assertTrue(onset >= 0, types.toString());
            assertFalse(types.subList(onset, types.size()).contains("response.output_audio.delta"),
                    "no audio after the barge-in: " + types);

            List<JsonNode> next = c.eventsThrough("response.done");
            JsonNode heard = next.stream().filter(e -> e.path("type").asText()
                    .equals("conversation.item.input_audio_transcription.completed")).findFirst().orElseThrow();
            assertTrue(heard.path("transcript").asText().contains("station"), "heard: " + heard);
            assertEquals("completed", next.get(next.size() - 1).at("/response/status").asText());
            assertTrue(audioBytes(next) > 0, "the interruption got its own spoken answer");
        }
    }
}
