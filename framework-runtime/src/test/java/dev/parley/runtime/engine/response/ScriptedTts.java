package dev.parley.runtime.engine.response;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: synthesis number k (0-based) emits {@code chunks} chunks of {@code chunkSamples} samples, every
 * sample equal to {@code 1000 × (k + 1)}, so the output shows which clause each sample came from.
 */
public final class ScriptedTts implements TtsEngine {
    final int rate;
    final int chunks;
    final int chunkSamples;
    public final Queue<String> texts = new ConcurrentLinkedQueue<>();
    final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<Integer, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    final Map<Integer, CountDownLatch> pauseAfterFirstChunk = new ConcurrentHashMap<>();
    public final Map<Integer, Long> delayMsPerChunk = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    volatile int hangAt = -1;
    volatile int failAt = -1;
    volatile boolean ignoreCancel;
    Queue<String> log;

    public ScriptedTts(int rate, int chunks, int chunkSamples) {
        this.rate = rate;
        this.chunks = chunks;
        this.chunkSamples = chunkSamples;
    }

    static short value(int clause) {
        return (short) (1000 * (clause + 1));
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public List<String> voices() {
        return List.of("test");
    }

    @Override
    public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
        int k = calls.getAndIncrement();
        texts.add(text);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled.put(k, stop);
        if (log != null) {
            log.add("tts:start:" + k);
        }
        running.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            try {
                CountDownLatch gate = gates.get(k);
                if (gate != null) {
                    gate.await(20, TimeUnit.SECONDS);
                }
                if (k == hangAt) {
                    return; // never speaks, never finishes
                }
                if (k == failAt) {
                    listener.onError(new IllegalStateException("voice model crashed"));
                    return;
                }
                for (int c = 0; c < chunks; c++) {
                    if (stop.get() && !ignoreCancel) {
                        return;
                    }
                    long d = delayMsPerChunk.getOrDefault(k, 0L);
                    if (d > 0) {
                        Thread.sleep(d);
                    }
                    short[] s = new short[chunkSamples];
                    java.util.Arrays.fill(s, value(k));
                    listener.onAudio(new AudioChunk(s, rate));
                    CountDownLatch pause = pauseAfterFirstChunk.get(k);
                    if (c == 0 && pause != null) {
                        pause.await(20, TimeUnit.SECONDS);
                    }
                }
                if (log != null) {
                    log.add("tts:done:" + k);
                }
                listener.onDone();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        });
        return () -> stop.set(true);
    }

    boolean allCancelled(int upTo) {
        for (int k = 0; k < upTo; k++) {
            AtomicBoolean b = cancelled.get(k);
            if (b == null || !b.get()) {
                return false;
            }
        }
        return true;
    }
}
