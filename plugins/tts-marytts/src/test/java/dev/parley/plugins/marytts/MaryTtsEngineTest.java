package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Streaming, cancel, concurrency and error behaviour of the real MaryTTS engine. */
class MaryTtsEngineTest {
    static final String LONG_SENTENCE = "The weather service expects light rain in the morning, clearing skies by noon, "
            + "and a gentle breeze from the west that should keep the temperature comfortable for the rest of the afternoon "
            + "and well into the evening, so the outdoor concert can go ahead as planned.";

    private final MaryTtsEngine engine = TestEngines.standard();

    @Test
    void reportsNativeRateOfTheHsmmVoice() {
        assertEquals(48_000, engine.sampleRate());
    }

    @Test
    void listsRealVoicesAndOpenAiAliases() {
        List<String> voices = engine.voices();
        assertTrue(voices.containsAll(List.of("cmu-slt-hsmm", "cmu-slt-hsmm-low")), voices.toString());
        assertTrue(voices.containsAll(List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse",
                "marin", "cedar")), voices.toString());
    }

    @Test
    void streamsEvenChunksThenDone() throws Exception {
        CollectingListener l = TestEngines.speak(engine, "Sure, here it is.", VoiceSettings.DEFAULT);
        assertNull(l.error);
        int chunkSamples = 48_000 * 20 / 1000;
        assertTrue(l.chunkCount() > 20, "a second of speech is many 20 ms chunks: " + l.chunkCount());
        for (int i = 0; i < l.chunks.size() - 1; i++) {
            assertEquals(chunkSamples, l.chunks.get(i).samples().length, "chunk " + i);
            assertEquals(48_000, l.chunks.get(i).sampleRate());
        }
        assertEquals("done", l.events.getLast());
        assertEquals(1, l.events.stream().filter("done"::equals).count());
    }

    @Test
    void firstChunkArrivesWhileTheLongSentenceIsStillBeingSynthesized() throws Exception {
        // One piece only (no splitting): the first chunk is handed on while the rest of the sentence's audio is
        // still to be read and delivered, step by step.
        MaryTtsEngine unsplit = TestEngines.create(Map.of("max_clause_chars", 2000));
        CountDownLatch firstChunk = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CollectingListener l = new CollectingListener() {
            @Override
            public void onAudio(AudioChunk chunk) {
                super.onAudio(chunk);
                if (chunkCount() == 1) {
                    firstChunk.countDown();
                    awaitQuietly(release); // hold the worker: nothing more can be read or produced meanwhile
                }
            }
        };
        unsplit.synthesize(LONG_SENTENCE, VoiceSettings.DEFAULT, l);
        assertTrue(firstChunk.await(30, TimeUnit.SECONDS));
        assertEquals(List.of("audio"), List.copyOf(l.events), "the first chunk came before the clause was done");
        release.countDown();
        l.await();
        assertTrue(l.chunkCount() > 500, "a ~15 s sentence in 20 ms chunks, got " + l.chunkCount());
        assertEquals("done", l.events.getLast());
    }

    @Test
    void cancelStopsDeliveriesAndTheWorker() throws Exception {
        MaryTtsEngine unsplit = TestEngines.create(Map.of("max_clause_chars", 2000));
        Speaking speaking = speakUntilThreeChunks(unsplit);
        TtsSynthesis s = speaking.synthesis();
        CollectingListener l = speaking.listener();
        s.cancel();
        int atCancel = l.chunkCount();
        s.cancel(); // idempotent
        assertTrue(((MarySynthesis) s).awaitFinished(5, TimeUnit.SECONDS), "worker ended after cancel");
        assertEquals(atCancel, l.chunkCount(), "no audio after cancel returned");
        assertTrue(l.events.stream().noneMatch(e -> e.equals("done") || e.equals("error")), l.events.toString());
        assertTrue(atCancel < 100, "cancel came early in a ~750-chunk sentence: " + atCancel);
    }

    @Test
    void closingTheEngineCancelsWhatIsStillSpeaking() throws Exception {
        MaryTtsEngine closing = TestEngines.create(Map.of("max_clause_chars", 2000));
        Speaking speaking = speakUntilThreeChunks(closing);
        TtsSynthesis s = speaking.synthesis();
        CollectingListener l = speaking.listener();
        closing.close();
        int atClose = l.chunkCount();
        assertTrue(((MarySynthesis) s).awaitFinished(5, TimeUnit.SECONDS));
        assertEquals(atClose, l.chunkCount());
        assertTrue(l.events.stream().noneMatch("done"::equals), l.events.toString());
        // MaryTTS itself stays up for the other engines
        assertNull(TestEngines.speak(engine, "Still here.", VoiceSettings.DEFAULT).error);
    }

    @Test
    void fourConcurrentSynthesesMatchTheSequentialOutput() throws Exception {
        String[] texts = {"Good morning, how can I help?", "The quick brown fox jumps over the lazy dog.",
                "Please hold while I check that for you.", "Your order will arrive on Tuesday."};
        List<short[]> sequential = new ArrayList<>();
        for (String t : texts) {
            sequential.add(TestEngines.speak(engine, t, VoiceSettings.DEFAULT).samples());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<CollectingListener>> futures = new ArrayList<>();
                for (String t : texts) {
                    futures.add(pool.submit(() -> TestEngines.speak(engine, t, VoiceSettings.DEFAULT)));
                }
                for (int i = 0; i < texts.length; i++) {
                    CollectingListener l = futures.get(i).get(60, TimeUnit.SECONDS);
                    assertNull(l.error);
                    assertArrayEquals(sequential.get(i), l.samples(), "text " + i + " round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownVoiceIsAClearErrorAndTheEngineGoesOn() throws Exception {
        CollectingListener l = TestEngines.speak(engine, "Hello.", new VoiceSettings("nova-x", 1, 0));
        assertTrue(l.error instanceof IllegalArgumentException, String.valueOf(l.error));
        assertTrue(l.error.getMessage().contains("Unknown voice 'nova-x'"), l.error.getMessage());
        assertTrue(l.error.getMessage().contains("cmu-slt-hsmm, cmu-slt-hsmm-low, alloy"), l.error.getMessage());
        assertEquals(0, l.chunkCount());
        CollectingListener ok = TestEngines.speak(engine, "Hello.", new VoiceSettings("ALLOY", 1, 0));
        assertNull(ok.error);
        assertTrue(ok.chunkCount() > 0);
    }

    @Test
    void textWithNothingToSayEndsAtOnceWithoutAudio() throws Exception {
        CollectingListener l = TestEngines.speak(engine, " **  🎉 ", VoiceSettings.DEFAULT);
        assertEquals(List.of("done"), l.events);
    }

    @Test
    void markdownAndLongTextAreSpokenPieceByPiece() throws Exception {
        MaryTtsEngine small = TestEngines.create(Map.of("max_clause_chars", 60));
        CollectingListener l = TestEngines.speak(small, "**Note:** " + LONG_SENTENCE, VoiceSettings.DEFAULT);
        assertNull(l.error);
        double seconds = AudioAnalysis.speechSeconds(l.samples(), 48_000);
        assertTrue(seconds > 10, "the whole long sentence was spoken: " + seconds + " s");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A long synthesis under way, with the listener collecting it. */
    private record Speaking(TtsSynthesis synthesis, CollectingListener listener) {
    }

    /** Starts {@link #LONG_SENTENCE} on {@code engine} and returns once three chunks have arrived. */
    private static Speaking speakUntilThreeChunks(MaryTtsEngine engine) throws InterruptedException {
        CountDownLatch threeChunks = new CountDownLatch(3);
        CollectingListener l = new CollectingListener() {
            @Override
            public void onAudio(AudioChunk chunk) {
                super.onAudio(chunk);
                threeChunks.countDown();
            }
        };
        TtsSynthesis s = engine.synthesize(LONG_SENTENCE, VoiceSettings.DEFAULT, l);
        assertTrue(threeChunks.await(30, TimeUnit.SECONDS));
        return new Speaking(s, l);
    }
}
