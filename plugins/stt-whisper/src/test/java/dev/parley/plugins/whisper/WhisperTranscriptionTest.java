package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-speech proof with a user-supplied model (PARLEY_WHISPER_MODEL; skipped with the reason otherwise): WER
 * per fixture printed and bounded; partials (re-decodes every 500 ms of audio here) before the final; cancel.
 */
class WhisperTranscriptionTest {
    /** Not measured here (no model obtainable on this machine): a loose bound for tiny.en / base.en. */
    static final double MAX_MEAN_WER = 0.35;

    @Test
    void transcribesFixturesWithBoundedWordErrorRate() throws Exception {
        WhisperTestSupport.requireModelOrSkip();
        try (SttEngine engine = new WhisperSttProvider().create(
                new ComponentConfig(Map.of("partial_interval_ms", 500), "test"))) {
            RecordingListener listener = new RecordingListener();
            SttStream stream = engine.open(listener);
            double sum = 0;
            int n = 0;
            System.out.printf("%-22s %6s  %-48s %s%n", "file", "WER", "reference", "hypothesis");
            for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
                int partialsBefore = listener.partials.size();
                // Fed at about real-time pace so the worker has time to re-decode between chunks.
                for (int from = 0; from < f.samples().length; from += 3_200) {
                    stream.accept(new AudioChunk(java.util.Arrays.copyOfRange(f.samples(), from,
                            Math.min(f.samples().length, from + 3_200)), 16_000));
                    Thread.sleep(200);
                }
                stream.endUtterance();
                String hyp = listener.awaitFinal(120);
                double wer = WordErrorRate.of(f.text(), hyp);
                System.out.printf("%-22s %6.3f  %-48s %s%n", f.file(), wer, f.text(), hyp);
                assertTrue(listener.partials.size() > partialsBefore, f.file() + ": no partial before its final");
                sum += wer;
                n++;
            }
            System.out.printf("whisper mean WER over %d fixtures: %.3f%n", n, sum / n);
            assertTrue(sum / n <= MAX_MEAN_WER, "mean WER " + sum / n);
            assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
            stream.cancel();
            int seen = listener.events.size();
            stream.endUtterance();
            Thread.sleep(200);
            assertEquals(seen, listener.events.size(), "events after cancel");
        }
    }
}
