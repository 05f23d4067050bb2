package dev.parley.plugins.vosk;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.FixtureTranscripts;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import dev.parley.testkit.WordErrorRate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-speech proof with a user-supplied model (PARLEY_VOSK_MODEL; skipped with the reason otherwise): the
 * fixtures streamed in 40 ms chunks, WER printed per file and bounded, partials before finals, reset and cancel.
 */
class VoskTranscriptionTest {
    /** Not measured here (no model obtainable on this machine): a loose bound for a small English model. */
    static final double MAX_MEAN_WER = 0.35;

    @Test
    void transcribesFixturesWithBoundedWordErrorRate() throws Exception {
        try (SttEngine engine = VoskTestSupport.engine()) {
            RecordingSttListener listener = new RecordingSttListener();
            SttStream stream = engine.open(listener);
            List<FixtureTranscripts.Result> results = FixtureTranscripts.transcribe(stream, listener,
                    (s, samples) -> SttFeed.feed(s, samples, 40), 60);
            double mean = FixtureTranscripts.meanWer(results);
            System.out.printf("vosk mean WER over %d fixtures: %.3f%n", results.size(), mean);
            assertTrue(mean <= MAX_MEAN_WER, "mean WER " + mean);
            assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
            stream.cancel();
        }
    }

    @Test
    void resetDropsTheUtteranceAndCancelSilencesTheStream() throws Exception {
        try (SttEngine engine = VoskTestSupport.engine()) {
            var fixtures = SpeechFixtures.all();
            RecordingSttListener l = new RecordingSttListener();
            SttStream s = engine.open(l);
            SttFeed.feed(s, fixtures.get(0).samples(), 40);
            s.reset();
            SttFeed.feed(s, fixtures.get(3).samples(), 40);
            s.endUtterance();
            String text = l.awaitFinal(60);
            assertTrue(WordErrorRate.of(fixtures.get(3).text(), text) <= 0.5, "after reset: " + text);
            s.cancel();
            int seen = l.events.size();
            s.accept(new AudioChunk(new short[1600], 16_000));
            s.endUtterance();
            Thread.sleep(200);
            assertEquals(seen, l.events.size(), "events after cancel: " + l.events);
        }
    }
}
