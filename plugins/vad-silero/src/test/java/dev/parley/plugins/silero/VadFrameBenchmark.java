package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.builtin.vad.EnergyVadProvider;
import dev.parley.runtime.vad.testing.VadScenes;
import org.junit.jupiter.api.Test;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints microseconds per frame for the energy VAD and Silero (real model), and what one Silero stream costs in
 * memory. Asserts only sanity (probabilities in range, finite timings): timings on 2 shared cores vary.
 */
class VadFrameBenchmark {
    private static final int PASSES = 10;
    private static final int STREAMS_FOR_MEMORY = 500;

    @Test
    void printsMicrosecondsPerFrame() {
        short[] pcm = VadScenes.speechInWhiteNoise(10).pcm();
        System.out.println("VAD frame cost on " + pcm.length / 16 + " ms of speech in noise, " + PASSES
                + " passes after warm-up (" + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf("%-8s %8s %8s %12s %12s%n", "vad", "frame", "frames", "us/frame", "x realtime");
        try (VadEngine energy = new EnergyVadProvider().create(ComponentConfig.empty())) {
            row("energy", energy, pcm);
        }
        long t0 = System.nanoTime();
        try (VadEngine silero = new SileroVadProvider().create(ComponentConfig.empty())) {
            System.out.printf("silero model load: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            row("silero", silero, pcm);
            memory(silero);
        }
    }

    private static void row(String name, VadEngine engine, short[] pcm) {
        int n = engine.frameSamples();
        int frames = pcm.length / n;
        short[] frame = new short[n];
        double frameUs = n * 1e6 / engine.sampleRate();
        for (int warm = 0; warm < 3; warm++) {
            pass(engine, pcm, frame, frames);
        }
        long start = System.nanoTime();
        for (int p = 0; p < PASSES; p++) {
            pass(engine, pcm, frame, frames);
        }
        double us = (System.nanoTime() - start) / 1e3 / (PASSES * (double) frames);
        System.out.printf("%-8s %6.0fms %8d %12.1f %12.0f%n", name, frameUs / 1000, PASSES * frames, us,
                frameUs / us);
        assertTrue(us > 0 && Double.isFinite(us));
    }

    private static void pass(VadEngine engine, short[] pcm, short[] frame, int frames) {
        try (VadStream s = engine.open()) {
            for (int f = 0; f < frames; f++) {
                System.arraycopy(pcm, f * frame.length, frame, 0, frame.length);
                float p = s.speechProbability(frame);
                assertTrue(p >= 0 && p <= 1, "probability out of range: " + p);
            }
        }
    }

    private static void memory(VadEngine silero) {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        long direct0 = direct.getMemoryUsed();
        List<VadStream> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS_FOR_MEMORY; i++) {
            streams.add(silero.open());
        }
        System.gc();
        long heap = (rt.totalMemory() - rt.freeMemory() - heap0) / STREAMS_FOR_MEMORY;
        long off = (direct.getMemoryUsed() - direct0) / STREAMS_FOR_MEMORY;
        System.out.printf("silero per-stream memory (mean over %d open streams): ~%d B direct + ~%d B heap "
                + "(model shared per engine)%n", streams.size(), off, Math.max(0, heap));
        streams.forEach(VadStream::close);
    }
}
