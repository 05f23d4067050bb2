package dev.parley.plugins.vosk;

import dev.parley.api.stt.SttEngine;
import dev.parley.testing.RealTimeFactor;
import dev.parley.testing.SpeechFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prints Vosk's real-time factor on the fixtures when PARLEY_VOSK_MODEL names a model (skipped otherwise). */
class VoskBenchmark {
    @Test
    void printsRealTimeFactor() throws Exception {
        VoskTestSupport.requireModelOrSkip();
        long t0 = System.nanoTime();
        try (SttEngine engine = VoskTestSupport.engine()) {
            System.out.printf("vosk model load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            RealTimeFactor rtf = RealTimeFactor.measure(engine, SpeechFixtures.all(), 60);
            System.out.printf("vosk overall RTF: %.3f%n", rtf.overall());
            assertTrue(rtf.audioSeconds() > 0 && rtf.decodeSeconds() > 0);
        }
    }
}
