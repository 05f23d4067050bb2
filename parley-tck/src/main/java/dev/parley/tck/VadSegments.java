package dev.parley.tck;

import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a VAD's probabilities through the same onset/offset rule the runtime applies (threshold 0.5; onset after
 * 100 ms of voiced frames, bridging gaps shorter than the hangover; offset after 300 ms below threshold − 0.15)
 * and places each boundary back in time, so that a detector is judged the way a session uses it.
 */
final class VadSegments {
    /** A stretch of detected speech, in ms from the start of the track. */
    record Segment(int startMs, int endMs) {
        @Override
        public String toString() {
            return "[" + startMs + "–" + endMs + " ms]";
        }
    }

    /** The segments found and every frame's probability. */
    record Result(List<Segment> segments, float[] probabilities) {
        float max() {
            float m = 0;
            for (float p : probabilities) {
                m = Math.max(m, p);
            }
            return m;
        }
    }

    static final double THRESHOLD = 0.5;
    private static final double RELEASE = THRESHOLD - 0.15;
    private static final int MIN_SPEECH_MS = 100;
    private static final int HANGOVER_MS = 300;

    private VadSegments() {
    }

    /** Frames {@code pcm} into {@code stream} (which the caller owns) and segments the probabilities. */
    static Result run(VadEngine engine, VadStream stream, short[] pcm) {
        int frame = engine.frameSamples();
        double frameMs = frame * 1000.0 / engine.sampleRate();
        int onsetFrames = (int) Math.ceil(MIN_SPEECH_MS / frameMs);
        int offsetFrames = (int) Math.ceil(HANGOVER_MS / frameMs);
        float[] probs = new float[pcm.length / frame];
        List<Segment> out = new ArrayList<>();
        boolean speaking = false;
        int pendingStart = -1;
        int voiced = 0;
        int gap = 0;
        int silent = 0;
        int start = 0;
        short[] buf = new short[frame];
        for (int f = 0; f < probs.length; f++) {
            System.arraycopy(pcm, f * frame, buf, 0, frame);
            probs[f] = stream.speechProbability(buf.clone());
            if (!speaking) {
                if (probs[f] >= THRESHOLD) {
                    if (pendingStart < 0) {
                        pendingStart = f;
                    }
                    voiced++;
                    gap = 0;
                } else if (pendingStart >= 0 && ++gap >= offsetFrames) {
                    pendingStart = -1;
                    voiced = 0;
                    gap = 0;
                }
                if (voiced >= onsetFrames) {
                    speaking = true;
                    start = (int) Math.round(pendingStart * frameMs);
                    silent = 0;
                    pendingStart = -1;
                    voiced = 0;
                    gap = 0;
                }
            } else {
                silent = probs[f] >= RELEASE ? 0 : silent + 1;
                if (silent >= offsetFrames) {
                    speaking = false;
                    out.add(new Segment(start, (int) Math.round((f + 1 - silent) * frameMs)));
                }
            }
        }
        if (speaking) {
            out.add(new Segment(start, (int) Math.round(probs.length * frameMs)));
        }
        return new Result(out, probs);
    }
}
