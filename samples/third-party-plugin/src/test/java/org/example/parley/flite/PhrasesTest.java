package org.example.parley.flite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhrasesTest {
    @Test
    void splitsAtPausesAndKeepsShortFragmentsWithTheirNeighbour() {
        assertEquals(List.of("Hello there, how are you?", "I am fine, thanks."),
                Phrases.split("Hello there, how are you? I am fine, thanks."));
    }

    @Test
    void splitsLongRunsWithoutPunctuation() {
        List<String> p = Phrases.split("one two three four five six seven eight nine ten eleven twelve thirteen"
                + " fourteen fifteen");
        assertEquals(List.of("one two three four five six seven eight nine ten eleven twelve",
                "thirteen fourteen fifteen"), p);
    }
}
