package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The utterance's recognition states and which attempt's final counts in each. */
class UtteranceStateTest {

    @Test
    void aSpeculativeFinalThatTheUserTalksOverIsVoidAndTheNewAttemptCounts() {
        Utterance u = new Utterance(1, 0);
        Utterance.Attempt first = u.attempt();
        assertInstanceOf(Utterance.Streaming.class, u.state());
        assertTrue(u.counts(first));

        u.speculate();
        assertInstanceOf(Utterance.Speculating.class, u.state());
        assertNull(u.attempt(), "nothing is fed while the speculative final is decoded");
        assertTrue(u.counts(first));
        assertFalse(u.finalHeard("what is"), "the turn goes on: not reported");
        assertInstanceOf(Utterance.SpeculativeFinal.class, u.state());
        assertNull(u.heard(), "a speculative final is not the transcript");

        Utterance.Attempt second = u.restream();
        assertSame(second, u.attempt());
        assertFalse(u.counts(first), "the first attempt's final is void");
        assertTrue(u.counts(second));

        assertFalse(u.end(), "the second attempt's final is still to come");
        assertInstanceOf(Utterance.Ending.class, u.state());
        assertTrue(u.counts(second));
        assertTrue(u.finalHeard("what is the weather"));
        assertEquals("what is the weather", u.heard());
        assertFalse(u.counts(second), "nothing counts once final");
    }

    @Test
    void aSpeculativeFinalInHandAtTheTurnEndIsTheTranscript() {
        Utterance u = new Utterance(2, 100);
        Utterance.Attempt a = u.attempt();
        u.speculate();
        u.finalHeard("bread and milk");
        assertTrue(u.end(), "the final is already in");
        assertInstanceOf(Utterance.Final.class, u.state());
        assertEquals("bread and milk", u.heard());
        assertFalse(u.counts(a));
        assertNull(u.restream(), "an ended utterance does not stream again");
    }

    @Test
    void aFailureIsReportedOnceAndADroppedUtteranceIsNotReportedAsFailed() {
        Utterance failing = new Utterance(3, 0);
        Utterance.Attempt a = failing.attempt();
        assertTrue(failing.fail());
        assertFalse(failing.fail(), "a second waiting attempt of the same utterance reports nothing");
        assertTrue(failing.isVoid());
        assertFalse(failing.counts(a));

        Utterance dropped = new Utterance(4, 0);
        dropped.speculate();
        dropped.drop();
        assertInstanceOf(Utterance.Dropped.class, dropped.state());
        assertFalse(dropped.fail(), "dropped: its failure is not reported");
        assertNull(dropped.heard());
    }
}
