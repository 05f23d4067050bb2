package dev.parley.runtime.vad;

/**
 * Turns per-frame speech probabilities into speech onset and offset. Onset needs {@code minSpeechMs} of frames
 * at or above the threshold (so clicks do not trigger); offset comes after {@code hangoverMs} below it (so the
 * short gaps inside words do not end speech). Turn end is decided later from the silence that follows an offset.
 * One per session, fed from one thread.
 */
public final class SpeechSegmenter {
    /** What a frame changed. */
    public enum Transition { NONE, ONSET, OFFSET }

    private final double threshold;
    private final int frameMs;
    private final int minSpeechMs;
    private final int hangoverMs;
    private boolean speaking;
    private int voicedRunMs;
    private int silentRunMs;

    /**
     * @param threshold   probability at or above which a frame counts as voiced (protocol {@code threshold})
     * @param frameMs     duration of one frame
     * @param minSpeechMs voiced time needed before an onset is reported
     * @param hangoverMs  unvoiced time needed before an offset is reported
     */
    public SpeechSegmenter(double threshold, int frameMs, int minSpeechMs, int hangoverMs) {
        this.threshold = threshold;
        this.frameMs = frameMs;
        this.minSpeechMs = minSpeechMs;
        this.hangoverMs = hangoverMs;
    }

    /** Feeds one frame's probability. */
    public Transition accept(float probability) {
        boolean voiced = probability >= threshold;
        if (!speaking) {
            voicedRunMs = voiced ? voicedRunMs + frameMs : 0;
            if (voicedRunMs >= Math.max(minSpeechMs, frameMs)) {
                speaking = true;
                silentRunMs = 0;
                return Transition.ONSET;
            }
            return Transition.NONE;
        }
        silentRunMs = voiced ? 0 : silentRunMs + frameMs;
        if (silentRunMs >= Math.max(hangoverMs, frameMs)) {
            speaking = false;
            voicedRunMs = 0;
            return Transition.OFFSET;
        }
        return Transition.NONE;
    }

    /** How long the current onset needed: the onset lies this many ms before the frame that reported it. */
    public int onsetDelayMs() {
        return Math.max(minSpeechMs, frameMs);
    }

    /** How long an offset needed: the speech ended this many ms before the frame that reported it. */
    public int offsetDelayMs() {
        return Math.max(hangoverMs, frameMs);
    }

    public boolean speaking() {
        return speaking;
    }

    public void reset() {
        speaking = false;
        voicedRunMs = 0;
        silentRunMs = 0;
    }
}
