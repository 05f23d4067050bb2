package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import dev.parley.testkit.WordErrorRate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stream life cycle on the real decoder: empty utterances, reset, cancel, bad input, bad config. */
class PocketsphinxStreamTest {
    static SttEngine engine;
    static SpeechFixtures.Fixture weather;
    static SpeechFixtures.Fixture lights;

    @BeforeAll
    static void load() {
        engine = PocketsphinxTestSupport.engine(Map.of("partial_interval_ms", 100));
        weather = SpeechFixtures.all().stream().filter(f -> f.file().startsWith("weather")).findFirst().orElseThrow();
        lights = SpeechFixtures.all().stream().filter(f -> f.file().startsWith("lights")).findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void endWithoutAudioGivesEmptyFinal() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        s.endUtterance();
        assertEquals("", l.awaitFinal(10));
        s.cancel();
    }

    @Test
    void resetDropsTheUtteranceAndTheStreamGoesOn() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        SttFeed.feed(s, weather.samples(), 40);
        s.reset();
        SttFeed.feed(s, lights.samples(), 40);
        s.endUtterance();
        String text = l.awaitFinal(30);
        s.cancel();
        assertCloseTo(lights, text, "the reset utterance must not leak into the next: " + l.events);
        assertEquals(1, l.events.stream().filter(e -> e.startsWith("final:")).count());
    }

    @Test
    void noCallbacksAfterCancel() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        SttFeed.feed(s, weather.samples(), 40);
        s.endUtterance();
        s.cancel();
        int seen = l.events.size();
        Thread.sleep(500);
        assertEquals(seen, l.events.size(), "events after cancel: " + l.events);
        s.cancel(); // idempotent
        s.accept(new AudioChunk(new short[160], 16_000));
        s.endUtterance();
        Thread.sleep(100);
        assertEquals(seen, l.events.size());
    }

    @Test
    void wrongSampleRateIsReportedAndTheStreamGoesOn() throws Exception {
        RecordingSttListener l = new RecordingSttListener();
        SttStream s = engine.open(l);
        s.accept(new AudioChunk(new short[800], 8_000));
        assertEquals(1, l.errors.size());
        assertTrue(l.errors.get(0).getMessage().contains("16000"), l.errors.get(0).getMessage());
        SttFeed.feed(s, lights.samples(), 40);
        s.endUtterance();
        assertCloseTo(lights, l.awaitFinal(30), "after the error");
        s.cancel();
    }

    @Test
    void concurrentStreamsDecodeIndependently() throws Exception {
        RecordingSttListener a = new RecordingSttListener();
        RecordingSttListener b = new RecordingSttListener();
        SttStream sa = engine.open(a);
        SttStream sb = engine.open(b);
        int step = 640;
        for (int i = 0; i < Math.max(weather.samples().length, lights.samples().length); i += step) {
            if (i < weather.samples().length) {
                sa.accept(new AudioChunk(java.util.Arrays.copyOfRange(weather.samples(), i,
                        Math.min(i + step, weather.samples().length)), 16_000));
            }
            if (i < lights.samples().length) {
                sb.accept(new AudioChunk(java.util.Arrays.copyOfRange(lights.samples(), i,
                        Math.min(i + step, lights.samples().length)), 16_000));
            }
        }
        sa.endUtterance();
        sb.endUtterance();
        assertCloseTo(weather, a.awaitFinal(30), "stream a");
        assertCloseTo(lights, b.awaitFinal(30), "stream b");
        sa.cancel();
        sb.cancel();
    }

    /**
     * Decoders adapt their cepstral mean across utterances, so a reused decoder may differ from a fresh one by a
     * word (measured: "and you turn off..." vs "can you turn off..."); one error in eight words is tolerated.
     */
    static void assertCloseTo(SpeechFixtures.Fixture expected, String actual, String what) {
        double wer = WordErrorRate.of(expected.text(), actual);
        assertTrue(wer <= 0.15, what + ": WER " + wer + " for '" + actual + "' vs '" + expected.text() + "'");
    }

    @Test
    void missingModelFileIsAConfigErrorNamingThePathAndTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> new PocketsphinxSttProvider()
                .create(new ComponentConfig(Map.of("lm", "/nonexistent/x.lm.bin"), "pipelines/test.yaml:3 stages.stt.config")));
        assertTrue(e.getMessage().contains("/nonexistent/x.lm.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("pipelines/test.yaml:3"), e.getMessage());
        assertTrue(e.getMessage().contains("pocketsphinx-en-us"), e.getMessage());
    }
}
