package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.FixtureTranscripts;
import dev.parley.testing.RecordingSttListener;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
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
            RecordingSttListener listener = new RecordingSttListener();
            SttStream stream = engine.open(listener);
            // Fed at about real-time pace so the worker has time to re-decode between chunks.
            List<FixtureTranscripts.Result> results = FixtureTranscripts.transcribe(stream, listener,
                    WhisperTranscriptionTest::feedAtRealTimePace, 120);
            double mean = FixtureTranscripts.meanWer(results);
            System.out.printf("whisper mean WER over %d fixtures: %.3f%n", results.size(), mean);
            assertTrue(mean <= MAX_MEAN_WER, "mean WER " + mean);
            assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
            stream.cancel();
            int seen = listener.events.size();
            stream.endUtterance();
            Thread.sleep(200);
            assertEquals(seen, listener.events.size(), "events after cancel");
        }
    }

    private static void feedAtRealTimePace(SttStream stream, short[] samples) throws InterruptedException {
        for (int from = 0; from < samples.length; from += 3_200) {
            stream.accept(new AudioChunk(Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 3_200)),
                    16_000));
            Thread.sleep(200);
        }
    }
}
