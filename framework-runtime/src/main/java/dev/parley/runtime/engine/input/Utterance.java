package dev.parley.runtime.engine.input;

/**
 * One user utterance as the input path tracks it (actor-confined). Its audio reaches the recogniser as one or more
 * segments: a speculative final closes a segment before the turn has ended, and speech resuming inside the silence
 * window opens the next one.
 */
final class Utterance {
    final long id;
    final long startMs;
    final TranscriptDeltaTracker transcript = new TranscriptDeltaTracker();
    /** Its recognition was lost (STT error); no final will come. */
    boolean failed;
    /** Cleared or superseded before its turn ended: finals still in flight are ignored. */
    boolean dropped;
    /** The turn is over: the utterance completes once no segment's final is pending. */
    boolean ended;
    /** Segments whose final has not come yet. */
    int pendingSegments;
    /** The finals of its closed segments, joined. */
    String heard = "";

    Utterance(long id, long startMs) {
        this.id = id;
        this.startMs = startMs;
    }

    /** What the recogniser has heard so far, given the current segment's hypothesis. */
    String with(String segmentText) {
        String t = segmentText == null ? "" : segmentText.strip();
        return heard.isEmpty() ? t : t.isEmpty() ? heard : heard + " " + t;
    }
}
