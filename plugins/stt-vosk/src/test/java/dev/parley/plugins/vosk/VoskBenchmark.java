package dev.parley.plugins.vosk;

import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
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
            double audio = 0;
            double spent = 0;
            System.out.printf("%-22s %8s %10s %8s%n", "file", "audio s", "decode ms", "RTF");
            for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
                RecordingListener l = new RecordingListener();
                SttStream s = engine.open(l);
                long start = System.nanoTime();
                VoskTestSupport.feed(s, f.samples(), 40);
                s.endUtterance();
                l.awaitFinal(60);
                double ms = (System.nanoTime() - start) / 1e6;
                s.cancel();
                System.out.printf("%-22s %8.2f %10.1f %8.3f%n", f.file(), f.seconds(), ms, ms / 1000 / f.seconds());
                audio += f.seconds();
                spent += ms / 1000;
            }
            System.out.printf("vosk overall RTF: %.3f%n", spent / audio);
            assertTrue(audio > 0 && spent > 0);
        }
    }
}
