package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.response.ResponseSettings;
import dev.parley.runtime.pipeline.Pipeline;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Output backpressure over a real socket with the real response path (the rule-based responder from its plugin,
 * the clause pipeline, a synthesizer as fast as the machine allows): a client that pauses reading during a long
 * answer, and keeps asking for more, stops synthesis and holds little server memory, then gets the whole answer
 * when it reads again; a client that reads gets its audio at most the lead bound ahead of real time.
 */
class OutputBackpressureTest {
    private static final Pattern DELTA = Pattern.compile("\"delta\":\"([^\"]*)\"");

    /** A user message the responder echoes back: {@code n} short sentences (~27 characters each). */
    static String longMessage(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append("This is sentence number ").append(i).append(". ");
        }
        return "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"" + text.toString().strip() + "\"}]}}";
    }

    private static RealtimeServer start(CountingTts tts, long maxLeadMs) throws Exception {
        Pipeline pipeline = new Pipeline("backpressure", null, 16000, true,
                new EnergyVadEngine(EnergyVadConfig.defaults()), null, null,
                new RuleBasedResponderProvider().create(new ComponentConfig(Map.of("word_delay_ms", 0), "test")),
                tts, new ComponentConfig(Map.of(), "test"));
        ServerOptions o = TestServer.options(List.of())
                .withLimits(ServerLimits.defaults().withOutput(Duration.ofSeconds(60), 64L << 20));
        return RealtimeServer.start(o, r -> pipeline,
                new DefaultSessionEngineFactory(ResponseSettings.DEFAULTS.withMaxAudioLead(maxLeadMs)));
    }

    @Test
    void aPausedReaderStopsSynthesisAndGetsTheWholeAnswerWhenItResumes() throws Exception {
        CountingTts tts = new CountingTts(60);
        // no lead bound: the client's socket alone must stop production (the answer is ~245 s of audio, ~16 MB)
        RealtimeServer server = start(tts, 0);
        try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/v1/realtime?model=gpt-realtime", Map.of(),
                16 * 1024)) {
            ws.awaitEvent("session.created");
            ws.sendText(longMessage(150));
            ws.sendText(DrainTest.ASK);
            // the client reads nothing for 4 s and keeps asking for more answers meanwhile
            long pausedAt = 0;
            int synthesesAtPause = 0;
            long bytesAtPause = 0;
            for (int i = 0; i < 20; i++) {
                Thread.sleep(200);
                ws.sendText(DrainTest.ASK);
                if (i == 9) {
                    pausedAt = System.nanoTime();
                    synthesesAtPause = tts.syntheses.get();
                    bytesAtPause = tts.bytes();
                }
            }
            int synthesesLater = tts.syntheses.get();
            long bytesLater = tts.bytes();
            long peak = server.counters().peakQueuedOutputBytes.get();
            System.out.printf("paused reader: after 2 s %d syntheses / %d bytes of audio, after 4 s %d / %d, peak "
                    + "queued output %d bytes (%.0f ms paused)%n", synthesesAtPause, bytesAtPause, synthesesLater,
                    bytesLater, peak, (System.nanoTime() - pausedAt) / 1e6);
            // the clauses already started when the channel filled may finish; nothing new starts
            assertTrue(synthesesLater - synthesesAtPause <= 2, "synthesis stopped: " + synthesesAtPause + " -> "
                    + synthesesLater);
            assertTrue(synthesesLater < 100, "most of the 150 clauses wait: " + synthesesLater);
            assertTrue(peak < 4L << 20, "server-side queue bounded: " + peak + " bytes for a ~16 MB answer");

            // the client reads again: the whole answer arrives, nothing lost
            long audioBytes = 0;
            StringBuilder transcript = new StringBuilder();
            while (true) {
                RawWebSocket.Frame f = ws.next();
                assertEquals(0x1, f.opcode(), "a text frame, not a close");
                String t = f.text();
                if (t.startsWith("{\"type\":\"response.output_audio.delta\"")) {
                    Matcher m = DELTA.matcher(t);
                    assertTrue(m.find());
                    audioBytes += Base64.getDecoder().decode(m.group(1)).length;
                } else if (t.startsWith("{\"type\":\"response.output_audio_transcript.delta\"")) {
                    Matcher m = DELTA.matcher(t);
                    assertTrue(m.find());
                    transcript.append(m.group(1));
                } else if (t.startsWith("{\"type\":\"response.done\"")) {
                    assertTrue(t.contains("\"status\":\"completed\""), t.substring(0, Math.min(300, t.length())));
                    break;
                }
            }
            System.out.printf("resumed: %d syntheses, %d bytes of audio received of %d synthesized%n",
                    tts.syntheses.get(), audioBytes, tts.bytes());
            assertTrue(transcript.toString().contains("sentence number 150"), "the answer's end arrived");
            assertEquals(tts.bytes(), audioBytes, "every synthesized byte reached the client");
        } finally {
            server.close();
        }
    }

    @Test
    void audioRunsAtMostTheLeadBoundAheadOfPlayback() throws Exception {
        CountingTts tts = new CountingTts(60);
        RealtimeServer server = start(tts, 1000);
        try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/v1/realtime?model=gpt-realtime", Map.of(),
                64 * 1024)) {
            ws.awaitEvent("session.created");
            ws.sendText(longMessage(40)); // ~65 s of audio
            ws.sendText(DrainTest.ASK);
            ws.awaitEvent("response.output_audio.delta");
            long first = System.nanoTime();
            long audioMs = 0;
            long maxLeadMs = 0;
            while (System.nanoTime() - first < 3_000_000_000L) {
                String t = ws.next().text();
                if (t.startsWith("{\"type\":\"response.output_audio.delta\"")) {
                    Matcher m = DELTA.matcher(t);
                    assertTrue(m.find());
                    audioMs += Base64.getDecoder().decode(m.group(1)).length / 48; // 24 kHz pcm16: 48 bytes/ms
                    maxLeadMs = Math.max(maxLeadMs, audioMs - (System.nanoTime() - first) / 1_000_000);
                }
            }
            int syntheses = tts.syntheses.get();
            System.out.printf("lead bound 1000 ms: %d ms of audio in the first 3 s, max lead %d ms, %d syntheses, "
                    + "%d bytes synthesized of ~6.2 MB%n", audioMs, maxLeadMs, syntheses, tts.bytes());
            // 1 s of lead, plus the head clause and the one synthesized ahead (~1.6 s each) started within it
            assertTrue(maxLeadMs < 1000 + 2 * 1700, "lead bounded: " + maxLeadMs + " ms");
            assertTrue(syntheses < 12, "a handful of the 40 clauses synthesized: " + syntheses);
        } finally {
            server.close();
        }
    }
}
