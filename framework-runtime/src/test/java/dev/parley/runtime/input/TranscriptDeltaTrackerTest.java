package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.input.TranscriptDeltaTracker.Delta;
import dev.parley.runtime.input.TranscriptDeltaTracker.Revision;
import dev.parley.runtime.input.TranscriptDeltaTracker.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptDeltaTrackerTest {

    /** What a client shows: the last revision's text, then every delta since. */
    private static final class Caption {
        private final StringBuilder text = new StringBuilder();

        void apply(Update u) {
            switch (u) {
                case null -> {
                }
                case Delta d -> text.append(d.text());
                case Revision r -> text.setLength(0);
            }
            if (u instanceof Revision r) {
                text.append(r.transcript());
            }
        }

        String text() {
            return text.toString();
        }
    }

    @Test
    void theStablePartFlowsWhileTheUserSpeaks() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertNull(t.partial("what"), "a lone word is still being revised");
        assertEquals(new Delta("what is"), t.partial("what is the"));
        assertNull(t.partial("what is the"), "nothing new is stable");
        assertEquals(new Delta(" the"), t.partial("what is the wea"));
        assertEquals(new Delta(" weather"), t.partial("what is the weather like"));
        assertEquals(new Delta(" like today"), t.complete("what is the weather like today"));
        assertEquals("what is the weather like today", t.latest());
    }

    @Test
    void aPartialThatContradictsSentWordsIsARevision() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertEquals(new Delta("i scream"), t.partial("i scream for"));
        assertEquals(new Revision("ice cream for"), t.partial("ice cream for you"));
        assertEquals(new Delta(" you"), t.complete("ice cream for you"));
    }

    @Test
    void aFinalThatDoesNotExtendTheDeltasIsSentAsARevision() {
        // issue 19's μ-law run: the deltas said "why did it happen", the final "when it happened on"
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        Caption c = new Caption();
        c.apply(t.partial("why did it happen now"));
        assertEquals("why did it happen", c.text());
        c.apply(t.complete("when it happened on"));
        assertEquals("when it happened on", c.text());
    }

    @Test
    void aReDecodeCatchingUpSendsNothingUntilItPassesWhatWasSent() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertEquals(new Delta("turn on the lights"), t.segmentFinal("turn on the lights"));
        assertNull(t.partial("turn on the"), "the re-decode after a speculative final starts again from the start");
        assertNull(t.partial("turn on the lights in"));
        assertEquals(new Delta(" in"), t.partial("turn on the lights in the"));
    }

    @Test
    void whitespaceIsNormalised() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertEquals(new Delta("hello"), t.partial("  hello   there "));
        assertEquals(new Delta(" there"), t.complete("hello there"));
        assertNull(t.complete("hello there"));
    }

    @Test
    void anEmptyFinalSendsNothingWhenNothingWasSent() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        assertNull(t.complete(""));
        assertEquals("", t.latest());
    }

    @Test
    void anEmptyFinalAfterDeltasClearsTheCaption() {
        TranscriptDeltaTracker t = new TranscriptDeltaTracker();
        t.partial("uh huh yes");
        assertEquals(new Revision(""), t.complete(""));
    }

    /** The consistency rule over many hypothesis sequences: at the final the caption is the final, exactly. */
    @Test
    void theCaptionAlwaysEndsAsTheFinal() {
        List<List<String>> runs = List.of(
                List.of("what", "what is", "what is the", "what is that", "what is the capital", "what is the capital of france"),
                List.of("one", "when it", "why did it", "why did it happen", "when it happened on"),
                List.of("a b c d", "a b", "a b c d e", "x y z", "a b c d e f"),
                List.of("turn", "turn off", "turn of the", "turn off the lights"),
                List.of("", "hello", "", "hello world"));
        for (List<String> run : runs) {
            TranscriptDeltaTracker t = new TranscriptDeltaTracker();
            Caption c = new Caption();
            for (String partial : run.subList(0, run.size() - 1)) {
                c.apply(t.partial(partial));
                assertTrue(t.latest().startsWith(c.text()) || c.text().startsWith(t.latest()),
                        "the caption agrees with the latest hypothesis: " + c.text() + " / " + t.latest());
            }
            String fin = run.get(run.size() - 1);
            c.apply(t.complete(fin));
            assertEquals(fin, c.text(), "run " + run);
        }
    }
}
