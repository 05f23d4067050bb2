package dev.parley.plugins.pocketsphinx;

import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.FixtureTranscripts;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof that pocketsphinx hears: every flite fixture streamed through one real stream in 40 ms chunks, word
 * error rate printed per file and bounded, and partials seen before each final.
 */
class PocketsphinxTranscriptionTest {
    /*
     * Measured with Debian's pocketsphinx-en-us 0.8+5prealpha+1-15: mean WER 0.120; seven files at 0.000 or 0.125,
     * joke-slt.wav at 0.833 ("tell me and show the computer is": "a joke about" is rare in the LM). The bounds
     * leave margin but still fail if recognition degrades broadly.
     */
    static final double MAX_MEAN_WER = 0.20;
    static final double GOOD_FILE_WER = 0.15;
    static final int MIN_GOOD_FILES = 6;
    static final double MAX_FILE_WER = 0.9;

    static SttEngine engine;

    @BeforeAll
    static void load() {
        engine = PocketsphinxTestSupport.engine(Map.of());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void transcribesFixturesWithBoundedWordErrorRate() throws Exception {
        RecordingSttListener listener = new RecordingSttListener();
        SttStream stream = engine.open(listener);
        List<FixtureTranscripts.Result> results = FixtureTranscripts.transcribe(stream, listener,
                (s, samples) -> SttFeed.feed(s, samples, 40), 30);
        FixtureTranscripts.Result worst = results.stream()
                .reduce((a, b) -> b.wer() >= a.wer() ? b : a).orElseThrow();
        long good = results.stream().filter(r -> r.wer() <= GOOD_FILE_WER).count();
        double mean = FixtureTranscripts.meanWer(results);
        System.out.printf("mean WER over %d fixtures: %.3f%n", results.size(), mean);
        assertTrue(mean <= MAX_MEAN_WER, "mean WER " + mean);
        assertTrue(good >= MIN_GOOD_FILES, good + " files with WER <= " + GOOD_FILE_WER);
        assertTrue(worst.wer() <= MAX_FILE_WER,
                "worst WER " + worst.wer() + ": " + worst.fixture().file() + " '" + worst.hypothesis() + "'");
        assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
        stream.cancel();
    }

    @Test
    void partialsGrowBeforeTheFinalAndMatchIt() throws Exception {
        SpeechFixtures.Fixture f = SpeechFixtures.all().get(0);
        RecordingSttListener listener = new RecordingSttListener();
        SttStream stream = engine.open(listener);
        SttFeed.feed(stream, f.samples(), 20);
        stream.endUtterance();
        String text = listener.awaitFinal(30);
        stream.cancel();
        assertTrue(listener.partials.size() >= 3, "partials: " + listener.partials);
        String last = listener.events.get(listener.events.size() - 1);
        assertEquals("final:" + text, last, "final must be the last event: " + listener.events);
        assertFalse(listener.events.stream().limit(listener.events.size() - 1).anyMatch(e -> e.startsWith("final:")));
        System.out.println("partials of " + f.file() + ": " + listener.partials + " -> final '" + text + "'");
    }
}
