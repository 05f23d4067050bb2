package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's streaming logic on real whisper.cpp with {@link TinyWhisperModel} (a synthetic model whose output
 * is fixed, so this checks plumbing, not hearing): partials from re-decoding before the final, reset, concurrent
 * streams, cancel and engine close during a decode.
 */
class WhisperStreamTest {
    static final String EXPECTED = String.join(" ", TinyWhisperModel.EXPECTED_WORDS);

    @TempDir
    static Path dir;
    static SttEngine engine;
    static short[] speech;

    @BeforeAll
    static void load() throws Exception {
        Path model = TinyWhisperModel.write(dir.resolve("ggml-synthetic.bin"));
        engine = new WhisperSttProvider().create(new ComponentConfig(
                Map.of("model_path", model.toString(), "partial_interval_ms", 500, "threads", 1), "test"));
        speech = SpeechFixtures.all().get(0).samples();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Feeds at real-time pace (100 ms chunks every 100 ms) so re-decodes happen while audio streams. */
    static void feedRealtime(SttStream s, short[] samples) throws InterruptedException {
        for (int from = 0; from < samples.length; from += 1600) {
            s.accept(new AudioChunk(java.util.Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 1600)),
                    16_000));
            Thread.sleep(100);
        }
    }

    @Test
    void partialsFromReDecodingArriveBeforeTheFinal() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        long t0 = System.nanoTime();
        feedRealtime(s, speech);
        s.endUtterance();
        String text = l.awaitFinal(60);
        System.out.printf("synthetic whisper: %d partial(s) then final '%s' for %.2f s of audio in %.0f ms%n",
                l.partials.size(), text, speech.length / 16000.0, (System.nanoTime() - t0) / 1e6);
        assertEquals(EXPECTED, text);
        assertTrue(!l.partials.isEmpty(), "no partial: " + l.events);
        assertEquals("final:" + EXPECTED, l.events.get(l.events.size() - 1), l.events.toString());
        s.cancel();
    }

    @Test
    void shortUtteranceIsPaddedAndEmptyOneGivesEmptyFinal() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        s.endUtterance();
        assertEquals("", l.awaitFinal(30));
        s.accept(new AudioChunk(java.util.Arrays.copyOf(speech, 3200), 16_000));
        s.endUtterance();
        assertEquals(EXPECTED, l.awaitFinal(60));
        s.cancel();
    }

    @Test
    void resetDropsTheUtteranceWithoutAFinal() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        SttFeed.feed(s, speech, 40);
        s.reset();
        s.endUtterance();
        assertEquals("", l.awaitFinal(60), "the reset audio must be gone: " + l.events);
        s.cancel();
    }

    @Test
    void concurrentStreamsEachGetTheirFinal() throws Exception {
        RecordingSttListener a = new RecordingSttListener();
        RecordingSttListener b = new RecordingSttListener();
        SttStream sa = engine.open(a);
        SttStream sb = engine.open(b);
        SttFeed.feed(sa, speech, 40);
        SttFeed.feed(sb, speech, 40);
        sa.endUtterance();
        sb.endUtterance();
        assertEquals(EXPECTED, a.awaitFinal(60));
        assertEquals(EXPECTED, b.awaitFinal(60));
        sa.cancel();
        sb.cancel();
    }

    @Test
    void cancelDuringDecodeDeliversNothingMore() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        SttFeed.feed(s, speech, 40);
        s.endUtterance();
        long t0 = System.nanoTime();
        s.cancel();
        double cancelMs = (System.nanoTime() - t0) / 1e6;
        int seen = l.events.size();
        Thread.sleep(1_500);
        assertEquals(seen, l.events.size(), "events after cancel: " + l.events);
        System.out.printf("cancel returned in %.2f ms%n", cancelMs);
    }

    @Test
    void engineCloseWaitsForInFlightDecodes(@TempDir Path other) throws Exception {
        Path model = TinyWhisperModel.write(other.resolve("ggml-synthetic.bin"));
        SttEngine own = new WhisperSttProvider().create(new ComponentConfig(
                Map.of("model_path", model.toString(), "threads", 1), "test"));
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = own.open(l);
        SttFeed.feed(s, speech, 40);
        s.endUtterance();
        own.close(); // must not free the model under a running decode (that would crash the JVM)
        assertTrue(l.errors.isEmpty(), l.errors.toString());
    }
}
