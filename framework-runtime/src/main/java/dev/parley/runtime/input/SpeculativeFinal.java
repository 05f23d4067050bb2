package dev.parley.runtime.input;

import dev.parley.runtime.input.turn.EarlyFinalPolicy;

/**
 * The open utterance's speculative final ({@link EarlyFinalPolicy}): shortly before the silence window closes the
 * recognition is paused ({@link SttLink#pause()}), so the recogniser's final pass overlaps the silence; speech
 * resuming inside the window resumes it with the audio since the pause.
 */
final class SpeculativeFinal {
    private sealed interface State {
    }

    private record NotRequested() implements State {
    }

    /** Recognition is paused; the trailing silence and the pipeline clock at the pause. */
    private record Requested(long silenceMs, long atSamples) implements State {
    }

    private static final State NOT_REQUESTED = new NotRequested();

    private final EarlyFinalPolicy policy;
    private final SttLink stt;
    private State state = NOT_REQUESTED;

    SpeculativeFinal(EarlyFinalPolicy policy, SttLink stt) {
        this.policy = policy;
        this.stt = stt;
    }

    /** The frame to the recogniser — or, when the user speaks again after the pause, every frame since. */
    void feed(short[] frame, long silenceMs, VadFrames frames) {
        if (!(state instanceof Requested r)) {
            stt.feed(frame, 0, frame.length);
        } else if (silenceMs < r.silenceMs()) { // a voiced frame restarted the silence count
            state = NOT_REQUESTED;
            stt.resume();
            short[] since = frames.since(r.atSamples());
            stt.feed(since, 0, since.length);
        }
    }

    /** Requests the speculative final if it is due and not requested yet. */
    void requestIfDue(long silenceMs, long requiredMs, long clockSamples) {
        if (state == NOT_REQUESTED && policy.due(silenceMs, requiredMs) && stt.pause()) {
            state = new Requested(silenceMs, clockSamples);
        }
    }

    /** The utterance ended or was dropped. */
    void reset() {
        state = NOT_REQUESTED;
    }
}
