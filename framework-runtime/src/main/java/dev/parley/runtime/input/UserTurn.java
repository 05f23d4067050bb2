package dev.parley.runtime.input;

/**
 * The user's side of the turn as the input path sees it, with the utterance numbering and the point the last
 * commit or clear left the audio at (prefix padding never reaches before it). Once a turn ends the utterance
 * leaves this state machine; its transcript is then the {@link Utterance}'s own business.
 *
 * <pre>
 * LISTENING ──onset──► USER_SPEAKING ──offset──► TRAILING_SILENCE ──onset──► USER_SPEAKING
 * USER_SPEAKING / TRAILING_SILENCE ──turn end, commit──► LISTENING (reset point moves)
 *                                  ──clear, format or mode switch──► LISTENING (utterance dropped)
 * </pre>
 */
final class UserTurn {
    sealed interface State {
    }

    /** No utterance open. */
    record Listening() implements State {
    }

    /** An utterance is open and the user is speaking (in manual mode: everything since the last commit). */
    record UserSpeaking(Utterance utterance) implements State {
    }

    /** An utterance is open and its speech ended at {@code speechEndMs} (pipeline clock): silence counts from there. */
    record TrailingSilence(Utterance utterance, long speechEndMs) implements State {
    }

    private static final State LISTENING = new Listening();

    private State state = LISTENING;
    private long utterances;
    private long lastResetMs;

    State state() {
        return state;
    }

    /** The number for the next utterance. */
    long nextId() {
        return ++utterances;
    }

    boolean listening() {
        return state == LISTENING;
    }

    /** The open utterance, or null while listening. */
    Utterance utterance() {
        return switch (state) {
            case UserSpeaking s -> s.utterance();
            case TrailingSilence t -> t.utterance();
            case Listening l -> null;
        };
    }

    /** LISTENING → USER_SPEAKING. */
    void speaking(Utterance u) {
        state = new UserSpeaking(u);
    }

    /** TRAILING_SILENCE → USER_SPEAKING: speech resumed before the turn ended, same utterance. */
    void speechResumed() {
        if (state instanceof TrailingSilence t) {
            state = new UserSpeaking(t.utterance());
        }
    }

    /** → TRAILING_SILENCE from {@code speechEndMs}. */
    void speechEnded(long speechEndMs) {
        Utterance u = utterance();
        if (u != null) {
            state = new TrailingSilence(u, speechEndMs);
        }
    }

    /**
     * Silence counts from the last voiced frame, also before the hangover has reported the offset: a silence
     * window shorter than the hangover must end the turn on time, not when the hangover runs out.
     */
    long silenceMs(long nowMs, int segmenterTrailingSilenceMs) {
        return state instanceof TrailingSilence t ? nowMs - t.speechEndMs() : segmenterTrailingSilenceMs;
    }

    /** The open utterance is committed at {@code atMs}: → LISTENING, and padding never reaches before it. */
    Utterance finish(long atMs) {
        Utterance u = utterance();
        state = LISTENING;
        lastResetMs = atMs;
        return u;
    }

    /** The open utterance is dropped: → LISTENING. */
    void abandon() {
        state = LISTENING;
    }

    /** Audio before {@code atMs} was committed or cleared. */
    void resetAt(long atMs) {
        lastResetMs = atMs;
    }

    long lastResetMs() {
        return lastResetMs;
    }
}
