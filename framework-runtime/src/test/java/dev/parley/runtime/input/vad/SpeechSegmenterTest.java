package dev.parley.runtime.input.vad;

import dev.parley.runtime.input.vad.SpeechSegmenter.Transition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Onset/offset rules of the segmenter on hand-made probability sequences (20 ms frames unless stated). */
class SpeechSegmenterTest {
    private static List<Transition> feed(SpeechSegmenter s, double... probabilities) {
        List<Transition> out = new ArrayList<>();
        for (double p : probabilities) {
            out.add(s.accept((float) p));
        }
        return out;
    }

    private static double[] repeat(double p, int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, p);
        return a;
    }

    @Test
    void onsetAfterMinSpeechAndOffsetAfterHangover() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 100, 200);
        List<Transition> t = feed(s, repeat(0.9, 5));
        assertEquals(Transition.ONSET, t.get(4));
        assertEquals(100, s.onsetDelayMs());
        assertTrue(s.speaking());
        t = feed(s, repeat(0.1, 10));
        assertEquals(Transition.OFFSET, t.get(9));
        assertEquals(List.of(Transition.NONE), t.subList(0, 9).stream().distinct().toList());
        assertEquals(200, s.offsetDelayMs());
        assertFalse(s.speaking());
    }

    @Test
    void clickShorterThanMinSpeechDoesNotTrigger() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 100, 200);
        List<Transition> t = feed(s, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertFalse(t.contains(Transition.ONSET));
    }

    @Test
    void shortGapInTheFirstSyllableIsBridgedAndOnsetDatesFromTheFirstVoicedFrame() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 100, 300);
        // 3 voiced, 2 unvoiced (a stop closure), 2 voiced: 5 voiced frames within 7.
        List<Transition> t = feed(s, 0.9, 0.9, 0.9, 0.2, 0.2, 0.9, 0.9);
        assertEquals(Transition.ONSET, t.get(6));
        assertEquals(140, s.onsetDelayMs());
    }

    @Test
    void delaysAreWholeFramesSoEstimatesDoNotDrift() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 32, 100, 200);
        assertEquals(128, s.onsetDelayMs());   // 4 frames of 32 ms
        assertEquals(224, s.offsetDelayMs());  // 7 frames of 32 ms
        List<Transition> t = feed(s, repeat(0.9, 4));
        assertEquals(Transition.ONSET, t.get(3));
        t = feed(s, repeat(0.0, 7));
        assertEquals(Transition.OFFSET, t.get(6));
    }

    @Test
    void hysteresisKeepsSpeechGoingJustBelowTheThreshold() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 40, 60);
        feed(s, 0.9, 0.9);
        assertTrue(s.speaking());
        List<Transition> t = feed(s, repeat(0.4, 20)); // below 0.5 but above the 0.35 release level
        assertFalse(t.contains(Transition.OFFSET));
        t = feed(s, 0.3, 0.3, 0.3);
        assertEquals(Transition.OFFSET, t.get(2));
    }

    @Test
    void thresholdIsTheProtocolLevel() {
        SpeechSegmenter strict = new SpeechSegmenter(0.9, 20, 40, 60);
        assertFalse(feed(strict, repeat(0.8, 10)).contains(Transition.ONSET));
        SpeechSegmenter lax = new SpeechSegmenter(0.2, 20, 40, 60);
        assertTrue(feed(lax, repeat(0.25, 10)).contains(Transition.ONSET));
    }

    @Test
    void resetForgetsAPendingOnsetAndSpeech() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 60, 60);
        feed(s, 0.9, 0.9, 0.9);
        assertTrue(s.speaking());
        s.reset();
        assertFalse(s.speaking());
        feed(s, 0.9, 0.9);
        s.reset();
        assertEquals(Transition.NONE, s.accept(0.9f));
    }

    @Test
    void rejectsNonPositiveFrames() {
        assertThrows(IllegalArgumentException.class, () -> new SpeechSegmenter(0.5, 0, 100, 200));
    }
}
