package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.vad.testing.VadAudio;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real session engine behind the real protocol server: recorded speech (a flite/MaryTTS fixture) goes in over
 * a socket, the built-in energy VAD finds the turn, the built-in rule-based responder answers, and audio comes
 * back. STT and TTS are test doubles here (a fixed transcript, a tone); the real recogniser and synthesizer are
 * proven in their plugins.
 */
class EngineOverSocketTest {
    static final String SAID = "what time is it";

    RealtimeServer server;
    RealtimeTestClient client;
    final ToneTts tts = new ToneTts();

    /** Answers every utterance with {@link #SAID}; a partial after some audio. */
    static final class FixedStt implements SttEngine {
        @Override
        public int sampleRate() {
            return 16000;
        }

        @Override
        public SttStream open(SttListener listener) {
            return new SttStream() {
                int samples;

                @Override
                public void accept(AudioChunk chunk) {
                    samples += chunk.samples().length;
                    if (samples > 8000 && samples - chunk.samples().length <= 8000) {
                        listener.onPartial("what time");
                    }
                }

                @Override
                public void endUtterance() {
                    samples = 0;
                    listener.onFinal(SAID);
                }

                @Override
                public void reset() {
                    samples = 0;
                }

                @Override
                public void cancel() {
                }
            };
        }
    }

    /** 48 kHz tone, ten 20 ms chunks per clause, {@code chunkDelayMs} apart. */
    static final class ToneTts implements TtsEngine {
        volatile long chunkDelayMs;
        volatile int chunks = 10;

        @Override
        public int sampleRate() {
            return 48000;
        }

        @Override
        public List<String> voices() {
            return List.of("alloy");
        }

        @Override
        public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                for (int c = 0; c < chunks && !stop.get(); c++) {
                    short[] s = new short[960];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * (c * 960 + i) / 48000.0));
                    }
                    listener.onAudio(new AudioChunk(s, 48000));
                    try {
                        Thread.sleep(chunkDelayMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!stop.get()) {
                    listener.onDone();
                }
            });
            return () -> stop.set(true);
        }
    }

    @BeforeEach
    void start() throws Exception {
        Pipeline pipeline = new Pipeline("engine-test", null, 16000, true, new EnergyVadEngine(EnergyVadConfig.defaults()),
                new FixedStt(), null, new RuleBasedResponderProvider().create(ComponentConfig.empty()), tts,
                new ComponentConfig(Map.of(), "test"));
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline, new DefaultSessionEngineFactory());
        client = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        client.expect("session.created");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":600}}}}}");
        client.expect("session.updated");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** The fixture at 24 kHz pcm16 with {@code leadMs} of silence before it and {@code tailMs} after. */
    static byte[] speech(String fixture, int leadMs, int tailMs) throws Exception {
        byte[] wav = Files.readAllBytes(VadAudio.repoRoot().resolve("testdata/speech").resolve(fixture));
        short[] at16k = WireCodec.decode(WireFormat.PCM16_24K, java.util.Arrays.copyOfRange(wav, 44, wav.length));
        StreamingResampler up = new StreamingResampler(16000, 24000);
        short[] body = up.process(at16k, 0, at16k.length);
        short[] tail = up.flush();
        short[] all = new short[24 * leadMs + body.length + tail.length + 24 * tailMs];
        System.arraycopy(body, 0, all, 24 * leadMs, body.length);
        System.arraycopy(tail, 0, all, 24 * leadMs + body.length, tail.length);
        return WireCodec.encode(WireFormat.PCM16_24K, all, 0, all.length);
    }

    void send(byte[] pcm) {
        int step = 4800; // 100 ms
        for (int off = 0; off < pcm.length; off += step) {
            byte[] piece = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + step));
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(piece) + "\"}");
        }
    }

    @Test
    void spokenQuestionGetsASpokenAnswer() throws Exception {
        send(speech("weather-slt.wav", 600, 1500));
        JsonNode started = client.await("input_audio_buffer.speech_started");
        long startMs = started.path("audio_start_ms").asLong();
        // the fixture's voice runs 520–2000 ms, so 1120–2600 ms here; 300 ms of padding before the onset
        assertTrue(startMs >= 720 && startMs <= 920, "onset ~1120 ms minus 300 ms padding: " + startMs);
        // while the user speaks only live captions may come (issue 19): transcription deltas and revisions
        List<JsonNode> whileSpeaking = client.eventsThrough("input_audio_buffer.speech_stopped");
        JsonNode stopped = whileSpeaking.get(whileSpeaking.size() - 1);
        for (JsonNode e : whileSpeaking.subList(0, whileSpeaking.size() - 1)) {
            String type = e.path("type").asText();
            assertTrue(type.equals("conversation.item.input_audio_transcription.delta")
                    || type.equals("parley.input_audio_transcription.revised"), "unexpected event " + e);
        }
        long endMs = stopped.path("audio_end_ms").asLong();
        assertTrue(endMs >= 3100 && endMs <= 3400, "voice ends ~2600 ms, + 600 ms of silence: " + endMs);
        List<JsonNode> events = client.eventsThrough("response.done");
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertTrue(types.contains("conversation.item.input_audio_transcription.completed"), types.toString());
        assertTrue(types.contains("response.output_audio.delta"), types.toString());
        assertTrue(types.contains("response.output_audio_transcript.delta"), types.toString());
        JsonNode done = events.get(events.size() - 1).path("response");
        assertEquals("completed", done.path("status").asText(), done.toString());
        String transcript = done.at("/output/0/content/0/transcript").asText();
        assertFalse(transcript.isBlank(), "the responder answered: " + done);
        long audioBytes = events.stream().filter(e -> e.path("type").asText().equals("response.output_audio.delta"))
                .mapToLong(e -> Base64.getDecoder().decode(e.path("delta").asText()).length).sum();
        assertTrue(audioBytes >= 2 * 24 * 200, "at least one clause of audio at 24 kHz: " + audioBytes + " bytes");
        JsonNode stages = client.await("parley.response.timing").path("stages_ms");
        // the clock starts where the user's voice stopped; the turn is decided after the silence window
        assertEquals(0.0, stages.path("speech_end").asDouble(-1), stages.toString());
        assertTrue(stages.path("turn_decided").asDouble() > 0, stages.toString());
    }

    @Test
    void speakingOverTheAnswerCancelsIt() throws Exception {
        tts.chunkDelayMs = 40; // 20 ms of audio every 40 ms: the answer is still streaming when the user speaks
        tts.chunks = 50;
        send(speech("weather-slt.wav", 600, 1000));
        client.await("response.output_audio.delta");
        send(speech("joke-slt.wav", 200, 1000));
        List<JsonNode> events = client.eventsThrough("response.done");
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertTrue(types.contains("input_audio_buffer.speech_started"), types.toString());
        JsonNode done = events.get(events.size() - 1).path("response");
        assertEquals("cancelled", done.path("status").asText(), done.toString());
        assertEquals("turn_detected", done.at("/status_details/reason").asText());
        int afterStart = types.indexOf("input_audio_buffer.speech_started");
        assertFalse(types.subList(afterStart, types.size()).contains("response.output_audio.delta"),
                "no audio after the barge-in: " + types);
    }

    /**
     * Issue 17: with {@code idle_timeout_ms} the timer counts from the end of playback as the client hears it (the
     * audio's duration from its first delta), not from {@code response.done}, which comes long before since
     * synthesis runs faster than real time. The client streams silence in real time throughout.
     */
    @Test
    void idleTimeoutCountsFromTheEndOfPlaybackNotFromResponseDone() throws Exception {
        tts.chunks = 150; // 3 s of audio per clause, synthesised at once
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":600,"
                + "\"idle_timeout_ms\":1000}}}}}");
        client.expect("session.updated");
        send(speech("weather-slt.wav", 600, 700));
        AtomicBoolean talking = new AtomicBoolean(true);
        Thread silence = Thread.ofVirtual().start(() -> {
            String chunk = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(new byte[4800]) + "\"}";
            long next = System.nanoTime();
            while (talking.get()) {
                client.send(chunk);
                next += 100_000_000L;
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            }
        });
        try {
            long firstDelta = 0;
            long audioMs = 0;
            JsonNode e;
            do {
                e = client.next();
                if (e.path("type").asText().equals("response.output_audio.delta")) {
                    if (firstDelta == 0) {
                        firstDelta = e.path(RealtimeTestClient.RECEIVED_NANOS).asLong();
                    }
                    audioMs += Base64.getDecoder().decode(e.path("delta").asText()).length / 48;
                }
            } while (!e.path("type").asText().equals("response.done"));
            long done = e.path(RealtimeTestClient.RECEIVED_NANOS).asLong();
            JsonNode timeout = client.await("input_audio_buffer.timeout_triggered");
            long fired = timeout.path(RealtimeTestClient.RECEIVED_NANOS).asLong();
            long doneMs = (done - firstDelta) / 1_000_000;
            long firedMs = (fired - firstDelta) / 1_000_000;
            System.out.printf("idle timeout 1000 ms: %d ms of audio, response.done at %d ms, playback ends at %d ms,"
                    + " timeout_triggered at %d ms (from the first delta)%n", audioMs, doneMs, audioMs, firedMs);
            assertTrue(audioMs >= 2500 && doneMs < audioMs - 1000, "the answer outlasts done + the timeout: "
                    + audioMs + " ms audio, done at " + doneMs);
            assertTrue(firedMs >= audioMs + 1000 - 150, "not during playback nor before a full second of silence "
                    + "after it: fired at " + firedMs + " ms, playback ends at " + audioMs);
            assertTrue(firedMs <= audioMs + 1000 + 1500, "and not much later: " + firedMs);
        } finally {
            talking.set(false);
            silence.join();
        }
    }
}
