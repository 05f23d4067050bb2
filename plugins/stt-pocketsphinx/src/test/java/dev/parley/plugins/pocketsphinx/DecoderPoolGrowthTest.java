package dev.parley.plugins.pocketsphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.stt.SttStream;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The decoder pool warms {@code pool_size} decoders at start and loads the next one ahead of demand, off the
 * audio path; sessions beyond the warm count still get their transcripts.
 */
class DecoderPoolGrowthTest {

    private static SpeechFixtures.Fixture fixture(String prefix) {
        return SpeechFixtures.all().stream().filter(f -> f.file().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void warmsPoolSizeDecodersAtStartTheFirstAtOnceTheRestInTheBackground() throws InterruptedException {
        try (PocketsphinxEngine engine = (PocketsphinxEngine) PocketsphinxTestSupport.engine(Map.of("pool_size", 3))) {
            assertTrue(engine.idleDecoders() >= 1, "the first is loaded before the engine is handed out");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (engine.idleDecoders() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(3, engine.idleDecoders());
        }
    }

    @Test
    void poolSizeDefaultsToTheServersSessionLimit() {
        assertEquals(12, PocketsphinxConfig.poolSizeFor(12));
        assertEquals(PocketsphinxConfig.DEFAULT_POOL_SIZE, PocketsphinxConfig.poolSizeFor(0), "no limit known");
    }

    @Test
    void takingTheLastWarmDecoderLoadsTheNextAheadAndSessionsBeyondTheWarmCountGetTheirTranscripts()
            throws Exception {
        // The fixtures PocketsphinxStreamTest holds the recogniser to (WER <= 0.15 alone).
        SpeechFixtures.Fixture weather = fixture("weather");
        SpeechFixtures.Fixture lights = fixture("lights");
        List<SpeechFixtures.Fixture> fixtures = List.of(weather, lights, weather);
        try (PocketsphinxEngine engine = (PocketsphinxEngine) PocketsphinxTestSupport.engine(Map.of("pool_size", 1))) {
            assertEquals(1, engine.idleDecoders(), "warm count");
            RecordingSttListener first = new RecordingSttListener();
            SttStream a = engine.open(first);
            SttFeed.feed(a, fixtures.get(0).samples(), 40); // takes the only warm decoder at its first audio
            // The stream takes the warm decoder on its worker, possibly after feed() returns, so idleDecoders()
            // alone cannot tell "not yet taken" from "taken and replaced": wait for the second load as well.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while ((engine.loadedDecoders() < 2 || engine.idleDecoders() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, engine.loadedDecoders(), "a spare decoder is loaded in the background, before it is asked for");
            assertEquals(1, engine.idleDecoders(), "the spare waits idle; the first is session 1's");

            // Two more sessions at once: one finds the spare, the other arrives with none warm.
            List<RecordingSttListener> listeners = new ArrayList<>();
            List<CompletableFuture<SttStream>> later = new ArrayList<>();
            for (int i = 1; i < 3; i++) {
                RecordingSttListener l = new RecordingSttListener();
                listeners.add(l);
                SpeechFixtures.Fixture f = fixtures.get(i);
                later.add(CompletableFuture.supplyAsync(() -> {
                    SttStream s = engine.open(l);
                    SttFeed.feed(s, f.samples(), 40);
                    s.endUtterance();
                    return s;
                }));
            }
            a.endUtterance();
            PocketsphinxStreamTest.assertCloseTo(fixtures.get(0), first.awaitFinal(60), "session 1 (warm)");
            for (int i = 0; i < 2; i++) {
                SttStream s = later.get(i).get();
                String text = listeners.get(i).awaitFinal(60);
                PocketsphinxStreamTest.assertCloseTo(fixtures.get(i + 1), text, "session " + (i + 2));
                s.cancel();
            }
            a.cancel();
            deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.idleDecoders() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // the other cancelled streams give theirs back on their workers
            assertEquals(1, engine.idleDecoders(), "returned decoders beyond pool_size are freed");
        }
    }
}
