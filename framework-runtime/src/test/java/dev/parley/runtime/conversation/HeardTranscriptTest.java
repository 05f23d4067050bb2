package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeardTranscriptTest {
    private static HeardTranscript twoClauses() {
        HeardTranscript h = new HeardTranscript();
        h.add("One two ", 0);
        h.add("three four. ", 0); // same clause, released together
        h.add("Five six seven eight.", 1000);
        return h;
    }

    @Test
    void keepsWholeClausesHeardAndAProportionalShareOfTheCutOne() {
        HeardTranscript h = twoClauses();
        assertEquals("One two three four. Five six seven eight.", h.heardUntil(2000, 2000));
        assertEquals("One two three four.", h.heardUntil(1000, 2000));
        assertEquals("One two three four. Five six", h.heardUntil(1500, 2000));
        assertEquals("One two", h.heardUntil(500, 2000));
        assertEquals("", h.heardUntil(0, 2000));
    }

    @Test
    void truncateRebasesSoASecondTruncationCutsFurther() {
        HeardTranscript h = twoClauses();
        h.truncate(1500, 2000);
        assertEquals("One two three four. Five six", h.heardUntil(1500, 1500));
        assertEquals("One two", h.heardUntil(500, 1500));
        assertEquals("One two three four. Five", h.heardUntil(1250, 1500));
    }
}
