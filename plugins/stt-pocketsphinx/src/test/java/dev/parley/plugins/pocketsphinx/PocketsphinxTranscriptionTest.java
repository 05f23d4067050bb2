package dev.parley.plugins.pocketsphinx;

import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        RecordingListener listener = new RecordingListener();
        SttStream stream = engine.open(listener);
        double sum = 0;
        double worst = 0;
        String worstFile = "";
        int n = 0;
        int good = 0;
        System.out.printf("%-22s %6s  %-48s %s%n", "file", "WER", "reference", "hypothesis");
        for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
            int partialsBefore = listener.partials.size();
            PocketsphinxTestSupport.feed(stream, f.samples(), 40);
            stream.endUtterance();
            String hyp = listener.awaitFinal(30);
            double wer = WordErrorRate.of(f.text(), hyp);
            System.out.printf("%-22s %6.3f  %-48s %s%n", f.file(), wer, f.text(), hyp);
            if (wer >= worst) {
                worst = wer;
                worstFile = f.file() + " '" + hyp + "'";
            }
            assertTrue(listener.partials.size() > partialsBefore, f.file() + ": no partial before its final");
            sum += wer;
            good += wer <= GOOD_FILE_WER ? 1 : 0;
            n++;
        }
        double mean = sum / n;
        System.out.printf("mean WER over %d fixtures: %.3f%n", n, mean);
        assertTrue(mean <= MAX_MEAN_WER, "mean WER " + mean);
        assertTrue(good >= MIN_GOOD_FILES, good + " files with WER <= " + GOOD_FILE_WER);
        assertTrue(worst <= MAX_FILE_WER, "worst WER " + worst + ": " + worstFile);
        assertTrue(listener.errors.isEmpty(), "errors: " + listener.errors);
        stream.cancel();
    }

    @Test
    void partialsGrowBeforeTheFinalAndMatchIt() throws Exception {
        SpeechFixtures.Fixture f = SpeechFixtures.all().get(0);
        RecordingListener listener = new RecordingListener();
        SttStream stream = engine.open(listener);
        PocketsphinxTestSupport.feed(stream, f.samples(), 20);
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
