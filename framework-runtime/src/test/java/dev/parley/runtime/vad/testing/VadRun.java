package dev.parley.runtime.vad.testing;

import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.input.vad.SpeechSegmenter;
import dev.parley.runtime.input.vad.VadTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a VAD over a whole track the way a session does — fixed frames into a fresh stream, probabilities into a
 * {@link SpeechSegmenter} — and places each onset and offset back in time by the segmenter's delays.
 */
public final class VadRun {
    /** Result: the segments and the per-frame probabilities. */
    public record Result(List<Segment> segments, float[] probabilities, int frameMs) {
        public float maxProbability() {
            float m = 0;
            for (float p : probabilities) {
                m = Math.max(m, p);
            }
            return m;
        }
    }

    private VadRun() {
    }

    public static Result run(VadEngine engine, short[] pcm, double threshold, VadTiming timing) {
        int frame = engine.frameSamples();
        int frameMs = frame * 1000 / engine.sampleRate();
        if (frame * 1000 % engine.sampleRate() != 0) {
            throw new IllegalArgumentException("frame is not a whole number of ms: " + frame);
        }
        SpeechSegmenter seg = timing.segmenter(threshold, frameMs);
        List<Segment> out = new ArrayList<>();
        float[] probs = new float[pcm.length / frame];
        int start = -1;
        try (VadStream stream = engine.open()) {
            short[] buf = new short[frame];
            for (int f = 0; f < probs.length; f++) {
                System.arraycopy(pcm, f * frame, buf, 0, frame);
                probs[f] = stream.speechProbability(buf);
                int frameEndMs = (f + 1) * frameMs;
                switch (seg.accept(probs[f])) {
                    case ONSET -> start = frameEndMs - seg.onsetDelayMs();
                    case OFFSET -> {
                        out.add(new Segment(start, frameEndMs - seg.offsetDelayMs()));
                        start = -1;
                    }
                    case NONE -> { }
                }
            }
        }
        if (start >= 0) {
            out.add(new Segment(start, probs.length * frameMs));
        }
        return new Result(out, probs, frameMs);
    }
}
