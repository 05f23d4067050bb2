package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.ComponentConfig;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadProvider;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.vad.testing.VadScenes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol layer over the real session engine ({@link DefaultSessionEngineFactory}) with the built-in energy
 * VAD and rule-based responder (no STT/TTS: text output): a typed turn, and recorded speech streamed in that the
 * real input path segments into two voice turns, each answered.
 */
class RealEngineSessionTest {
    RealtimeServer server;
    RealtimeTestClient client;

    @BeforeEach
    void start() throws Exception {
        Pipeline pipeline = new Pipeline("builtin", null, 16000, true,
                new EnergyVadProvider().create(ComponentConfig.empty()), null, null,
                new RuleBasedResponderProvider().create(ComponentConfig.empty()), null,
                new ComponentConfig(Map.of("output_modalities", List.of("text")), "test"));
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline, new DefaultSessionEngineFactory());
        client = RealtimeTestClient.connect(server.url() + "?model=parley");
        client.expect("session.created");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void typedTurnIsAnsweredByTheRuleBasedResponder() throws Exception {
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is two plus three?\"}]}}");
        client.send("{\"type\":\"response.create\"}");
        List<JsonNode> ev = client.eventsThrough("response.done");
        List<String> types = ev.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("conversation.item.added", "conversation.item.done", "response.created",
                "response.output_item.added", "conversation.item.added", "response.content_part.added"),
                types.subList(0, 6));
        assertEquals(List.of("response.output_text.done", "response.content_part.done", "conversation.item.done",
                "response.output_item.done", "response.done"), types.subList(types.size() - 5, types.size()));
        JsonNode done = ev.get(ev.size() - 1).path("response");
        assertEquals("completed", done.path("status").asText());
        String text = done.at("/output/0/content/0/text").asText();
        assertTrue(text.contains("5") || text.toLowerCase().contains("five"), text);
        client.expect("rate_limits.updated");
        assertTrue(client.expect("parley.response.timing").path("ttfa_ms").asDouble() >= 0);
    }

    @Test
    void streamedSpeechBecomesTwoVoiceTurnsThroughTheRealInputPath() throws Exception {
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"interrupt_response\":false}}}}}");
        client.expect("session.updated");
        byte[] wire = toWire24k(VadScenes.speechInQuiet().pcm());
        for (int off = 0; off < wire.length; off += 960) { // 20 ms chunks
            int n = Math.min(960, wire.length - off);
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(wire, off, off + n)) + "\"}");
        }
        List<JsonNode> events = new ArrayList<>();
        int done = 0;
        while (done < 2) {
            JsonNode e = client.events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("stuck after " + events.stream().map(x -> x.path("type").asText()
                        + (x.has("error") ? x.path("error").toString() : "")).toList());
            }
            events.add(e);
            if (e.path("type").asText().equals("response.done")) {
                done++;
                assertEquals("completed", e.at("/response/status").asText());
            }
        }
        List<JsonNode> started = ofType(events, "input_audio_buffer.speech_started");
        List<JsonNode> committed = ofType(events, "input_audio_buffer.committed");
        assertEquals(2, started.size(), () -> "turns: " + events);
        assertEquals(2, committed.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(started.get(i).path("item_id").asText(), committed.get(i).path("item_id").asText());
        }
        long firstStart = started.get(0).path("audio_start_ms").asLong();
        long secondStart = started.get(1).path("audio_start_ms").asLong();
        assertTrue(firstStart >= 500 && firstStart <= 1100, "first utterance at 1.0 s: " + firstStart);
        assertTrue(secondStart >= 4500 && secondStart <= 5100, "second utterance at 5.0 s: " + secondStart);
        assertEquals(2, ofType(events, "conversation.item.input_audio_transcription.completed").size());
        assertFalse(ofType(events, "input_audio_buffer.speech_stopped").isEmpty());
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    /** 16 kHz → 24 kHz (linear interpolation is enough for test input), PCM16 little-endian. */
    private static byte[] toWire24k(short[] pcm16k) {
        int n = (int) ((long) pcm16k.length * 3 / 2);
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            double src = i * 2.0 / 3.0;
            int a = (int) src;
            int b = Math.min(a + 1, pcm16k.length - 1);
            double f = src - a;
            int s = (int) Math.round(pcm16k[a] * (1 - f) + pcm16k[b] * f);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
