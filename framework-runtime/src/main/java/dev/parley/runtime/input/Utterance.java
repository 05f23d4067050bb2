package dev.parley.runtime.input;

/**
 * One user utterance as the input path tracks it (actor-confined). The recogniser may decode it more than once:
 * a speculative final closes a recogniser utterance before the turn has ended, and if the user goes on, a new one
 * decodes the whole utterance again. Only the latest attempt's final counts.
 */
final class Utterance {
    final long id;
    final long startMs;
    final TranscriptDeltaTracker transcript = new TranscriptDeltaTracker();
    /** Its recognition was lost (STT error); no final will come. */
    boolean failed;
    /** Cleared or superseded before its turn ended: finals still in flight are ignored. */
    boolean dropped;
    /** The turn is over: the utterance completes once the latest attempt's final is in. */
    boolean ended;
    /** The latest recogniser attempt at this utterance (an {@code SttLink} token). */
    Object attempt;
    /** The latest attempt's final has come: {@link #heard}. */
    boolean finalReady;
    String heard = "";

    Utterance(long id, long startMs) {
        this.id = id;
        this.startMs = startMs;
    }
}
