package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TranscriptDeltaTrackerTest {

    @Test
    void nothingFlowsBeforeTheCommitThenTheStablePart() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertNull(t.partial("what is"));
        assertNull(t.partial("what is the wea"));
        assertEquals("what is the", t.release(), "the last word is still being revised");
        assertNull(t.partial("what is the weather"));
        assertEquals(" weather", t.partial("what is the weather like"));
        assertEquals(" like today", t.complete("what is the weather like today"));
        assertEquals("what is the weather like today", t.latest());
    }

    @Test
    void aRewriteOfSentWordsHoldsEverythingBackUntilTheFinal() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        t.release();
        assertEquals("i scream", t.partial("i scream for"));
        assertNull(t.partial("ice cream for you"), "'i scream' was already sent");
        assertNull(t.complete("ice cream for you"), "the final does not extend what was sent");
        assertEquals("ice cream for you", t.latest(), "completed still carries the right text");
    }

    @Test
    void whitespaceIsNormalised() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        t.release();
        assertEquals("hello", t.partial("  hello   there "));
        assertEquals(" there", t.complete("hello there"));
        assertNull(t.complete("hello there"));
    }

    @Test
    void anEmptyFinalSendsNothing() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertNull(t.complete(""));
        assertEquals("", t.latest());
    }

    @Test
    void aSegmentFinalIsSettledSoTheCommitSendsAllOfIt() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertNull(t.segmentFinal("what is the weather"), "before the commit nothing flows");
        assertEquals("what is the weather", t.release(), "a final's last word is not revised");
        assertEquals(" like", t.partial("what is the weather like today"), "a later segment's partial is unsettled");
        assertEquals(" today", t.segmentFinal("what is the weather like today"));
    }
}
