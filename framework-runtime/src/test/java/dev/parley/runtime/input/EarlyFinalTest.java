package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The speculative final: recognition paused before the silence window closes; when the user speaks again the
 * speculative final is void and the recogniser decodes the whole utterance again, so the transcript is one final
 * over all of it. Harness timing: 20 ms frames, onset after
 * 60 ms of voice, offset after 100 ms of silence; here a 200 ms window with a 150 ms lead pauses at the 130 ms
 * floor, i.e. on the frame that completes 140 ms.
 */
class EarlyFinalTest {
    private static final EarlyFinalPolicy LEAD_150 = new EarlyFinalPolicy(150);

    private static InputHarness harness(int silenceMs) throws Exception {
        return new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, silenceMs, null), null, LEAD_150);
    }

    @Test
    void theFinalIsAskedForInsideTheSilenceWindowAndReportedAtTheTurnEnd() throws Exception {
        InputHarness h = harness(200);
        h.stt.finals.put(0, "what is the weather");
        h.append(300, false);
        h.append(600, true);
        h.append(160, false); // past the pause point (140 ms), inside the window
        assertEquals(List.of("end:0"), h.stt.calls, "the recogniser was asked for its final early");
        assertEquals(List.of("started:1:0", "delta:1:what is the weather"), h.listener.events,
                "its words are live captions at once, but the turn has not ended");

        h.append(240, false);
        assertEquals(List.of("started:1:0", "delta:1:what is the weather", "stopped:1:1120",
                "completed:1:what is the weather"), h.listener.events);
        assertEquals(List.of("end:0"), h.stt.calls, "one recogniser utterance: no second final pass at the turn end");
        int fed = h.stt.fedSamples.get(0);
        // 300 ms padding + 600 ms voice + the frame holding its last millisecond + the silence up to the pause
        // (140 ms), at 16 kHz
        assertTrue(Math.abs(fed - 16 * 1060) <= 160, "fed " + fed);
    }

    @Test
    void speechResumingAfterThePauseVoidsTheSpeculativeFinalAndTheWholeUtteranceIsDecodedAgain() throws Exception {
        InputHarness h = harness(250); // pauses at 130 ms too, and leaves room to speak again
        h.stt.finals.put(0, "what is");
        h.stt.finals.put(1, "what is the weather");
        h.append(300, false);
        h.append(500, true);
        h.append(180, false); // paused at 140 ms of silence
        h.append(400, true);  // the user goes on inside the window
        h.append(400, false);
        assertEquals(List.of("end:0", "end:1"), h.stt.calls);
        assertEquals(List.of("started:1:0", "stopped:1:1660", "completed:1:what is the weather"),
                h.listener.events.stream().filter(e -> !e.startsWith("delta")).toList());
        assertEquals("what is the weather", h.listener.deltas(1));
        // the second attempt got everything: 300 padding + 500 voice + 180 silence + 400 voice + the silence until
        // its own pause (140 ms)
        int first = h.stt.fedSamples.get(0);
        int second = h.stt.fedSamples.get(1);
        assertTrue(Math.abs(first - 16 * 940) <= 320, "fed " + first);
        assertTrue(Math.abs(second - 16 * 1520) <= 320, "fed " + second);
    }

    @Test
    void aSemanticWindowThatGrowsAfterTheSpeculativeFinalStillEndsWithItsTranscript() throws Exception {
        // The turn policy reads the transcript: once the early final says the words sound unfinished, the window
        // grows from 200 ms to 1 s; the turn then ends with the final already in hand.
        dev.parley.runtime.engine.TurnDetection semantic = new dev.parley.runtime.engine.TurnDetection(
                dev.parley.runtime.engine.TurnDetection.Type.SEMANTIC_VAD, 0.5, 0, 0, null, true, true, "high");
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, semantic,
                transcript -> transcript.endsWith("and") ? 0.0 : 1.0, LEAD_150);
        h.stt.finals.put(0, "bread and");
        h.append(300, false);
        h.append(500, true);
        h.append(400, false);
        assertEquals(List.of("end:0"), h.stt.calls);
        assertEquals(List.of("started:1:300"), h.listener.starting("st"), "the unfinished words hold the turn open");
        h.append(3000, false);
        assertEquals(List.of("completed:1:bread and"), h.listener.starting("completed"));
        assertEquals(List.of("end:0"), h.stt.calls);
    }

    @Test
    void clearingWhilePausedDropsTheUtteranceAndTheNextGetsItsOwnFinal() throws Exception {
        InputHarness h = harness(200);
        h.stt.finals.put(0, "never reported");
        h.stt.finals.put(1, "second turn");
        h.append(300, false);
        h.append(500, true);
        h.append(160, false); // paused
        h.onActor(() -> {
            h.input.clear();
            return null;
        });
        h.append(300, false);
        h.append(500, true);
        h.append(400, false);
        assertEquals(List.of("completed:2:second turn"), h.listener.starting("completed"), h.listener.events.toString());
        assertEquals(List.of("end:0", "end:1"), h.stt.calls);
    }

    @Test
    void anSttErrorOnThePausedSegmentFailsTheUtteranceOnceAndTheNextTurnWorks() throws Exception {
        InputHarness h = harness(200);
        h.stt.silentFinal = 0; // the early final never comes: the link's 300 ms timeout fails the utterance
        h.stt.finals.put(1, "works again");
        h.append(300, false);
        h.append(500, true);
        h.append(400, false);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (h.listener.starting("failed").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        h.settle();
        assertEquals(1, h.listener.starting("failed").size(), h.listener.events.toString());
        h.append(500, true);
        h.append(400, false);
        assertEquals(List.of("completed:2:works again"), h.listener.starting("completed"));
    }

    @Test
    void policyPausesNoEarlierThanTheFloorAndNeverAtOrAfterTheWindow() {
        EarlyFinalPolicy p = new EarlyFinalPolicy(150);
        assertEquals(false, p.due(40, 200));
        assertEquals(false, p.due(120, 200), "gaps between words are shorter than the floor");
        assertEquals(true, p.due(140, 200));
        assertEquals(false, p.due(200, 200));
        assertEquals(false, p.due(300, 500));
        assertEquals(true, p.due(350, 500));
        assertEquals(false, EarlyFinalPolicy.OFF.due(100, 200));
    }
}
