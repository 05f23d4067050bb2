package dev.parley.plugins.marytts;

import dev.parley.testkit.WordErrorRate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.tts.VoiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof that the plugin speaks intelligibly: MaryTTS says sentences, pocketsphinx transcribes them, and the
 * word error rate is printed and bounded. Also shows that markdown is not read aloud.
 */
class RoundTripWerTest {
    static final List<String> SENTENCES = List.of(
            "Good morning, how can I help you today?",
            "The meeting has been moved to three o'clock on Thursday.",
            "Please turn off the lights when you leave the room.",
            "I would like to order a large pizza with extra cheese.",
            "The train to the city leaves every twenty minutes.",
            "Thank you for calling, have a nice day.");
    private static final Path OUT = Path.of("target", "roundtrip");

    @BeforeAll
    static void tools() throws Exception {
        SphinxTranscriber.requireTools();
        Files.createDirectories(OUT);
    }

    @Test
    void pocketsphinxUnderstandsTheDefaultVoice() throws Exception {
        double wer = roundTrip("slt", VoiceSettings.DEFAULT);
        assertTrue(wer <= 0.20, "word error rate " + wer);
    }

    @Test
    void pocketsphinxUnderstandsTheLowVoice() throws Exception {
        double wer = roundTrip("low", new VoiceSettings("echo", 1, 0));
        assertTrue(wer <= 0.25, "word error rate " + wer);
    }

    @Test
    void markdownIsNotReadAloud() throws Exception {
        CollectingListener l = TestEngines.speak(TestEngines.standard(),
                "**Please** turn off the *lights* 💡 when you leave the [room](https://example.com/room).",
                VoiceSettings.DEFAULT);
        assertNull(l.error);
        Path wav = OUT.resolve("markdown.wav");
        WavFiles.write(l.samples(), 48_000, wav);
        String heard = SphinxTranscriber.transcribe(wav);
        System.out.println("markdown sentence heard as: " + heard);
        List<String> words = WordErrorRate.words(heard);
        assertTrue(words.stream().noneMatch(w -> w.equals("asterisk") || w.equals("star") || w.equals("http")),
                heard);
        int errors = WordErrorRate.errors(WordErrorRate.words(SENTENCES.get(2)), words);
        assertTrue(errors <= 3, "heard '" + heard + "' (" + errors + " word errors)");
    }

    private double roundTrip(String tag, VoiceSettings settings) throws Exception {
        int errors = 0;
        int words = 0;
        System.out.printf("%n%-60s | %s%n", "spoken (" + tag + ")", "heard");
        for (int i = 0; i < SENTENCES.size(); i++) {
            CollectingListener l = TestEngines.speak(TestEngines.standard(), SENTENCES.get(i), settings);
            assertNull(l.error);
            assertEquals("done", l.events.getLast());
            Path wav = OUT.resolve(tag + "-" + i + ".wav");
            WavFiles.write(l.samples(), 48_000, wav);
            String heard = SphinxTranscriber.transcribe(wav);
            List<String> ref = WordErrorRate.words(SENTENCES.get(i));
            errors += WordErrorRate.errors(ref, WordErrorRate.words(heard));
            words += ref.size();
            System.out.printf("%-60s | %s%n", SENTENCES.get(i), heard);
        }
        double wer = (double) errors / words;
        System.out.printf("WER (%s): %d errors / %d words = %.1f %%%n", tag, errors, words, 100 * wer);
        return wer;
    }
}
