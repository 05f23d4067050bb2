package dev.parley.plugins.vosk;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import org.junit.jupiter.api.Test;

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
            RecordingListener listener = new RecordingListener();
            SttStream stream = engine.open(listener);
            double sum = 0;
            int n = 0;
            System.out.printf("%-22s %6s  %-48s %s%n", "file", "WER", "reference", "hypothesis");
            for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
                int partialsBefore = listener.partials.size();
                VoskTestSupport.feed(stream, f.samples(), 40);
                stream.endUtterance();
                String hyp = listener.awaitFinal(60);
                double wer = WordErrorRate.of(f.text(), hyp);
                System.out.printf("%-22s %6.3f  %-48s %s%n", f.file(), wer, f.text(), hyp);
                assertTrue(listener.partials.size() > partialsBefore, f.file() + ": no partial before its final");
                sum += wer;
                n++;
            }
            System.out.printf("vosk mean WER over %d fixtures: %.3f%n", n, sum / n);
            assertTrue(sum / n <= MAX_MEAN_WER, "mean WER " + sum / n);
            assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
            stream.cancel();
        }
    }

    @Test
    void resetDropsTheUtteranceAndCancelSilencesTheStream() throws Exception {
        try (SttEngine engine = VoskTestSupport.engine()) {
            var fixtures = SpeechFixtures.all();
            RecordingListener l = new RecordingListener();
            SttStream s = engine.open(l);
            VoskTestSupport.feed(s, fixtures.get(0).samples(), 40);
            s.reset();
            VoskTestSupport.feed(s, fixtures.get(3).samples(), 40);
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
