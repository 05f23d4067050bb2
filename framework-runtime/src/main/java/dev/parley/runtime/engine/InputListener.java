package dev.parley.runtime.engine;

/**
 * What the input path reports to its session. Every method is invoked on the session's {@link SessionActor}.
 * Utterances are numbered by the input path; the session maps each number to its user item id.
 */
public interface InputListener {
    /** VAD onset. {@code audioStartMs} is session-relative and includes the prefix padding. */
    void speechStarted(long utterance, long audioStartMs);

    /**
     * The turn ended (VAD silence, or the semantic detector): the session commits the utterance and, if the
     * turn settings say so, starts a response. Transcription of the utterance is already under way.
     */
    void speechStopped(long utterance, long audioEndMs, CommittedAudio audio);

    /** server_vad {@code idle_timeout_ms} fired: no speech for that long after the last response. */
    void idleTimeout(long utterance, long audioStartMs, long audioEndMs, CommittedAudio audio);

    /**
     * Next piece of the utterance's transcript while it is heard (append-only delta, sent before the turn ends
     * when the recogniser streams partials).
     */
    void transcriptDelta(long utterance, String delta);

    /** The words sent as deltas so far were wrong: {@code transcript} replaces them (further deltas extend it). */
    void transcriptRevised(long utterance, String transcript);

    /** Final transcript of the utterance. */
    void transcriptCompleted(long utterance, String transcript);

    /** Transcription failed; the session emits {@code …input_audio_transcription.failed} and goes on. */
    void transcriptFailed(long utterance, String message);
}
