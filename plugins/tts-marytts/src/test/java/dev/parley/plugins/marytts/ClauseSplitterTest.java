package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {
    @Test
    void shortTextIsOnePiecePerSentence() {
        assertEquals(List.of("Sure, here it is."), new ClauseSplitter(200).split("Sure, here it is."));
        assertEquals(List.of("One.", "Two?", "Three!"), new ClauseSplitter(200).split("One. Two? Three!"));
    }

    @Test
    void longSentenceBreaksAtClausePunctuationFirst() {
        String s = "The weather service expects light rain in the morning, clearing skies by noon, and a gentle "
                + "breeze from the west for the rest of the afternoon.";
        List<String> pieces = new ClauseSplitter(60).split(s);
        assertEquals(List.of("The weather service expects light rain in the morning,", "clearing skies by noon,",
                "and a gentle breeze from the west for the rest of the", "afternoon."), pieces);
        assertEquals(s, String.join(" ", pieces));
    }

    @Test
    void everyPieceFitsAndNothingIsLost() {
        String s = "word ".repeat(100).strip() + ".";
        List<String> pieces = new ClauseSplitter(40).split(s);
        assertTrue(pieces.stream().allMatch(p -> p.length() <= 40), pieces.toString());
        assertEquals(s, String.join(" ", pieces));
    }

    @Test
    void anUnbrokenTokenIsCutHard() {
        String s = "x".repeat(90);
        assertEquals(List.of("x".repeat(40), "x".repeat(40), "x".repeat(10)), new ClauseSplitter(40).split(s));
    }

    @Test
    void rejectsTinyLimits() {
        assertThrows(IllegalArgumentException.class, () -> new ClauseSplitter(5));
    }
}
