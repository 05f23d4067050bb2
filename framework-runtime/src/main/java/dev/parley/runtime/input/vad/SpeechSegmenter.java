package dev.parley.runtime.input.vad;

/**
 * Turns per-frame speech probabilities into speech onset and offset. Onset needs {@code minSpeechMs} of frames
 * at or above the threshold (so clicks do not trigger), counted over a stretch whose gaps are shorter than
 * {@code hangoverMs} — the same rule that keeps speech going once it started, so a short first syllable
 * followed by a stop consonant is not thrown away — and the onset is placed at the stretch's first voiced
 * frame. Offset comes after {@code hangoverMs} below it (so
 * the short gaps inside words do not end speech). Once speaking, a frame counts as unvoiced only below
 * {@code threshold − 0.15} (hysteresis, as Silero's own segmentation does), so speech hovering around the
 * threshold does not flicker. Turn end is decided later from the silence that follows an offset.
 * One per session, fed from one thread.
 *
 * <pre>
 * SILENCE ──voiced──► ONSET_CANDIDATE ──minSpeechMs voiced──► SPEECH (ONSET)
 *                     ONSET_CANDIDATE ──gap ≥ hangoverMs──► SILENCE
 * SPEECH ──unvoiced──► HANGOVER ──voiced──► SPEECH
 *                      HANGOVER ──hangoverMs unvoiced──► SILENCE (OFFSET)
 * </pre>
 */
public final class SpeechSegmenter {
    /** What a frame changed. */
    public enum Transition { NONE, ONSET, OFFSET }

    /** Where the segmenter stands after the last frame. */
    public enum State {
        /** No speech, no voiced frame pending. */
        SILENCE,
        /** Voiced frames that may become speech once they add up to {@code minSpeechMs}. */
        ONSET_CANDIDATE,
        /** Speaking; the last frame was voiced. */
        SPEECH,
        /** Speaking; unvoiced frames since the last voiced one, not yet {@code hangoverMs}. */
        HANGOVER
    }

    private static final double HYSTERESIS = 0.15;
    private final double threshold;
    private final double releaseThreshold;
    private final int frameMs;
    // Counted in whole frames: a 200 ms hangover with 32 ms frames needs 7 frames (224 ms), and the delays
    // reported below must be those 224 ms, or every offset estimate would be off by the rounding.
    private final int onsetFrames;
    private final int offsetFrames;
    private State state = State.SILENCE;
    // ONSET_CANDIDATE: frames since the stretch's first voiced frame, the voiced ones, the current gap
    private int candidateFrames;
    private int candidateVoiced;
    private int candidateGap;
    /** HANGOVER: unvoiced frames since the last voiced one. */
    private int silentRun;
    private int onsetDelayFrames;

    /**
     * @param threshold   probability at or above which a frame counts as voiced (protocol {@code threshold})
     * @param frameMs     duration of one frame
     * @param minSpeechMs voiced time needed before an onset is reported
     * @param hangoverMs  unvoiced time needed before an offset is reported
     */
    public SpeechSegmenter(double threshold, int frameMs, int minSpeechMs, int hangoverMs) {
        if (frameMs <= 0) {
            throw new IllegalArgumentException("frameMs must be positive: " + frameMs);
        }
        this.threshold = threshold;
        this.releaseThreshold = Math.max(threshold / 2, threshold - HYSTERESIS);
        this.frameMs = frameMs;
        this.onsetFrames = framesFor(minSpeechMs, frameMs);
        this.offsetFrames = framesFor(hangoverMs, frameMs);
    }

    private static int framesFor(int ms, int frameMs) {
        return Math.max(1, (Math.max(0, ms) + frameMs - 1) / frameMs);
    }

    /** Feeds one frame's probability. */
    public Transition accept(float probability) {
        return switch (state) {
            case SILENCE, ONSET_CANDIDATE -> acceptWhileQuiet(probability >= threshold);
            case SPEECH, HANGOVER -> acceptWhileSpeaking(probability >= releaseThreshold);
        };
    }

    private Transition acceptWhileSpeaking(boolean voiced) {
        if (voiced) {
            silentRun = 0;
            state = State.SPEECH;
            return Transition.NONE;
        }
        if (++silentRun >= offsetFrames) {
            silentRun = 0;
            state = State.SILENCE;
            return Transition.OFFSET;
        }
        state = State.HANGOVER;
        return Transition.NONE;
    }

    private Transition acceptWhileQuiet(boolean voiced) {
        if (state == State.SILENCE && !voiced) {
            return Transition.NONE;
        }
        candidateFrames++;
        if (voiced) {
            candidateVoiced++;
            candidateGap = 0;
        } else if (++candidateGap >= offsetFrames) {
            toSilence();
            return Transition.NONE;
        }
        if (candidateVoiced >= onsetFrames) {
            onsetDelayFrames = candidateFrames;
            clearCandidate();
            silentRun = 0;
            state = State.SPEECH;
            return Transition.ONSET;
        }
        state = State.ONSET_CANDIDATE;
        return Transition.NONE;
    }

    private void toSilence() {
        clearCandidate();
        silentRun = 0;
        state = State.SILENCE;
    }

    private void clearCandidate() {
        candidateFrames = 0;
        candidateVoiced = 0;
        candidateGap = 0;
    }

    /**
     * How long the last onset needed: the speech began this many ms before the end of the frame that reported
     * it (at least {@code minSpeechMs} rounded up to whole frames; more when short gaps were bridged).
     */
    public int onsetDelayMs() {
        return (onsetDelayFrames > 0 ? onsetDelayFrames : onsetFrames) * frameMs;
    }

    /** How long an offset needed: the speech ended this many ms before the end of the frame that reported it. */
    public int offsetDelayMs() {
        return offsetFrames * frameMs;
    }

    /**
     * Unvoiced time at the end of ongoing speech (0 when not speaking or the last frame was voiced): lets the
     * turn end on a silence window shorter than the hangover, without waiting for the offset.
     */
    public int trailingSilenceMs() {
        return state == State.HANGOVER ? silentRun * frameMs : 0;
    }

    public State state() {
        return state;
    }

    public boolean speaking() {
        return state == State.SPEECH || state == State.HANGOVER;
    }

    public void reset() {
        toSilence();
        onsetDelayFrames = 0;
    }
}
