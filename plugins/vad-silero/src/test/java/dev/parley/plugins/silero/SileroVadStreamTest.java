package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.vad.testing.VadScenes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-session state of Silero streams over one shared model: isolation, reset, bad frames, concurrency. */
class SileroVadStreamTest {
    private static VadEngine engine;
    private static short[] speech;

    @BeforeAll
    static void load() {
        engine = new SileroVadProvider().create(ComponentConfig.empty());
        speech = VadScenes.speechInQuiet().pcm();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static float[] probabilities(VadStream stream, short[] pcm) {
        int n = engine.frameSamples();
        float[] p = new float[pcm.length / n];
        short[] frame = new short[n];
        for (int f = 0; f < p.length; f++) {
            System.arraycopy(pcm, f * n, frame, 0, n);
            p[f] = stream.speechProbability(frame);
        }
        return p;
    }

    @Test
    void reportsFrameShapeOfSileroV5() {
        assertEquals(16_000, engine.sampleRate());
        assertEquals(512, engine.frameSamples());
    }

    @Test
    void resetForgetsStateSoTheSameAudioScoresTheSame() {
        try (VadStream stream = engine.open()) {
            float[] first = probabilities(stream, speech);
            stream.reset();
            float[] again = probabilities(stream, speech);
            assertArrayEquals(first, again, 1e-6f);
            assertTrue(max(first) > 0.9f, "speech should score high, max was " + max(first));
        }
    }

    @Test
    void streamsSharingTheModelOnThreadsMatchSequentialRuns() throws Exception {
        float[] reference;
        try (VadStream s = engine.open()) {
            reference = probabilities(s, speech);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    try (VadStream s = engine.open()) {
                        return probabilities(s, speech);
                    }
                }));
            }
            for (Future<float[]> run : runs) {
                assertArrayEquals(reference, run.get(), 1e-6f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongFrameLengthIsRejectedAndTheStreamGoesOn() {
        try (VadStream stream = engine.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stream.speechProbability(new short[320]));
            assertTrue(e.getMessage().contains("512"), e.getMessage());
            float p = stream.speechProbability(new short[512]);
            assertTrue(p >= 0 && p < 0.5f, "silence should score low, got " + p);
        }
    }

    private static float max(float[] p) {
        float m = 0;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    }
}
