package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.api.turn.TurnDetector;
import dev.parley.plugins.pocketsphinx.turn.LmTurnDetectorProvider;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.RealTimeFactor;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints the real-time factor of pocketsphinx on the speech fixtures (audio pushed as fast as the stream takes
 * it, time from first chunk to final), decoder load time, and microseconds per turn-detector call. Asserts only
 * sanity: timings on 2 shared cores vary.
 */
class PocketsphinxBenchmark {
    @Test
    void printsRealTimeFactorAndTurnDetectorCost() throws Exception {
        PocketsphinxTestSupport.requireModel();
        List<SpeechFixtures.Fixture> fixtures = SpeechFixtures.all();
        long t0 = System.nanoTime();
        SttEngine engine = PocketsphinxTestSupport.engine(Map.of());
        System.out.printf("pocketsphinx engine load (one decoder): %.0f ms (%d cores)%n",
                (System.nanoTime() - t0) / 1e6, Runtime.getRuntime().availableProcessors());
        try (engine) {
            RecordingSttListener warm = new RecordingSttListener();
            SttStream warmStream = engine.open(warm);
            SttFeed.feed(warmStream, fixtures.get(0).samples(), 40);
            warmStream.endUtterance();
            warm.awaitFinal(30);
            warmStream.cancel();

            RealTimeFactor rtf = RealTimeFactor.measure(engine, fixtures, 30);
            System.out.printf("pocketsphinx overall RTF: %.3f (%.1f s audio in %.2f s)%n", rtf.overall(),
                    rtf.audioSeconds(), rtf.decodeSeconds());
            assertTrue(rtf.decodeSeconds() > 0 && rtf.audioSeconds() > 0);
        }
        turnDetectorCost();
    }

    private static void turnDetectorCost() {
        List<String> texts = List.of("what is the weather like today", "i want to go to the", "um", "",
                "can you tell me about", "thank you very much", "set an alarm for six thirty tomorrow morning");
        long t0 = System.nanoTime();
        try (TurnDetector d = new LmTurnDetectorProvider().create(new ComponentConfig(Map.of(), "bench"))) {
            System.out.printf("pocketsphinx-lm load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            double sink = 0;
            for (int i = 0; i < 20_000; i++) {
                sink += d.endOfTurnProbability(texts.get(i % texts.size()));
            }
            int calls = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += d.endOfTurnProbability(texts.get(i % texts.size()));
            }
            double us = (System.nanoTime() - start) / 1e3 / calls;
            System.out.printf("pocketsphinx-lm: %.2f us per endOfTurnProbability call (%d calls, checksum %.1f)%n",
                    us, calls, sink);
            assertTrue(us > 0 && Double.isFinite(sink));
        }
    }
}
