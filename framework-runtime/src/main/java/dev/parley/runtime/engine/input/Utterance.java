package dev.parley.runtime.engine.input;

/** One user utterance as the input path tracks it (actor-confined). */
final class Utterance {
    final long id;
    final long startMs;
    final TranscriptDeltaTracker transcript = new TranscriptDeltaTracker();
    /** Its recognition was lost (STT error); no final will come. */
    boolean failed;

    Utterance(long id, long startMs) {
        this.id = id;
        this.startMs = startMs;
    }
}
