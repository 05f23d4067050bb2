package dev.parley.runtime.input;

import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double: a frame is speech (0.95) when its RMS exceeds 1000, else 0.02. */
final class ScriptedVad implements VadEngine {
    final int rate;
    final int frame;
    /** Frames analysed so far. */
    final java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();

    ScriptedVad(int rate, int frame) {
        this.rate = rate;
        this.frame = frame;
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public int frameSamples() {
        return frame;
    }

    @Override
    public VadStream open() {
        return new VadStream() {
            @Override
            public float speechProbability(short[] f) {
                if (f.length != frame) {
                    throw new IllegalArgumentException("frame of " + f.length);
                }
                frames.incrementAndGet();
                double acc = 0;
                for (short s : f) {
                    acc += (double) s * s;
                }
                return Math.sqrt(acc / f.length) > 1000 ? 0.95f : 0.02f;
            }

            @Override
            public void reset() {
                resets.incrementAndGet();
            }
        };
    }
}
