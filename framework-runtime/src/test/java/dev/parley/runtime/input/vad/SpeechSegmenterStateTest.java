package dev.parley.runtime.input.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.runtime.input.vad.SpeechSegmenter.State;
import dev.parley.runtime.input.vad.SpeechSegmenter.Transition;
import org.junit.jupiter.api.Test;

/** The segmenter's named states along one utterance (20 ms frames, onset after 60 ms, offset after 60 ms). */
class SpeechSegmenterStateTest {

    @Test
    void silenceOnsetCandidateSpeechHangoverAndBack() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 60, 60);
        assertEquals(State.SILENCE, s.state());
        assertEquals(Transition.NONE, s.accept(0.1f));
        assertEquals(State.SILENCE, s.state());
        assertEquals(Transition.NONE, s.accept(0.9f));
        assertEquals(State.ONSET_CANDIDATE, s.state());
        s.accept(0.9f);
        assertEquals(Transition.ONSET, s.accept(0.9f));
        assertEquals(State.SPEECH, s.state());
        assertEquals(Transition.NONE, s.accept(0.1f));
        assertEquals(State.HANGOVER, s.state());
        assertEquals(20, s.trailingSilenceMs());
        assertEquals(Transition.NONE, s.accept(0.45f), "above the release threshold: still voiced");
        assertEquals(State.SPEECH, s.state());
        s.accept(0.1f);
        s.accept(0.1f);
        assertEquals(Transition.OFFSET, s.accept(0.1f));
        assertEquals(State.SILENCE, s.state());
        assertEquals(0, s.trailingSilenceMs());
    }

    @Test
    void aCandidateWithAGapAsLongAsTheHangoverFallsBackToSilence() {
        SpeechSegmenter s = new SpeechSegmenter(0.5, 20, 100, 40);
        s.accept(0.9f);
        assertEquals(State.ONSET_CANDIDATE, s.state());
        s.accept(0.1f);
        assertEquals(State.ONSET_CANDIDATE, s.state(), "a gap shorter than the hangover is bridged");
        s.accept(0.1f);
        assertEquals(State.SILENCE, s.state());
        s.accept(0.9f);
        s.reset();
        assertEquals(State.SILENCE, s.state());
    }
}
