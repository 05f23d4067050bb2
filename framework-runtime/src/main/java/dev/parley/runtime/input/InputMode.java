package dev.parley.runtime.input;

import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.input.turn.EndOfTurnPolicy;
import dev.parley.runtime.input.vad.SpeechSegmenter;

/** How the input path takes turns, from {@code turn_detection}; replaced when those settings change. */
sealed interface InputMode {
    InputMode MANUAL = new Manual();

    /** No turn detection: everything since the last commit is one utterance, and the client commits. */
    record Manual() implements InputMode {
    }

    /** server_vad or semantic_vad: the segmenter finds speech, the policy says how much silence ends a turn. */
    record VadTurns(TurnDetection settings, SpeechSegmenter segmenter, EndOfTurnPolicy policy) implements InputMode {
    }
}
