package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;
import dev.parley.testing.RealTimeFactor;
import dev.parley.testing.SpeechFixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints Whisper's real-time factor for one final decode per fixture (partials off) when PARLEY_WHISPER_MODEL
 * names a model; skipped with the reason otherwise.
 */
class WhisperBenchmark {
    @Test
    void printsRealTimeFactor() throws Exception {
        WhisperTestSupport.requireModelOrSkip();
        long t0 = System.nanoTime();
        try (SttEngine engine = new WhisperSttProvider().create(
                new ComponentConfig(Map.of("partial_interval_ms", 0), "bench"))) {
            System.out.printf("whisper model load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            RealTimeFactor rtf = RealTimeFactor.measure(engine, SpeechFixtures.all(), 120);
            System.out.printf("whisper overall RTF: %.3f%n", rtf.overall());
            assertTrue(rtf.audioSeconds() > 0 && rtf.decodeSeconds() > 0);
        }
    }
}
