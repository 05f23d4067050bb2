package dev.parley.runtime.input;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: utterance k (0-based, counted over endUtterance/reset calls) answers with {@code finals[k]}; while
 * fed it reports the partials of {@code partials[k]}, one per 10 chunks. Records the samples it was fed.
 */
final class ScriptedStt implements SttEngine {
    final int rate;
    final Map<Integer, List<String>> partials = new ConcurrentHashMap<>();
    final Map<Integer, String> finals = new ConcurrentHashMap<>();
    final Map<Integer, Integer> fedSamples = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Every chunk's samples, in the order fed. */
    final List<short[]> fedAudio = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    volatile int failOnUtterance = -1;
    /** Utterance whose final never comes (a hung recogniser). */
    volatile int silentFinal = -1;
    private final AtomicInteger utterance = new AtomicInteger();

    ScriptedStt(int rate) {
        this.rate = rate;
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public SttStream open(SttListener listener) {
        opened.incrementAndGet();
        return new SttStream() {
            int chunks;
            int partialIndex;
            boolean cancelled;

            @Override
            public void accept(AudioChunk chunk) {
                if (chunk.sampleRate() != rate) {
                    throw new IllegalArgumentException("rate " + chunk.sampleRate());
                }
                int k = utterance.get();
                fedSamples.merge(k, chunk.samples().length, Integer::sum);
                fedAudio.add(chunk.samples().clone());
                if (k == failOnUtterance) {
                    failOnUtterance = -1;
                    listener.onError(new IllegalStateException("decoder crashed"));
                    return;
                }
                List<String> p = partials.getOrDefault(k, List.of());
                if (++chunks % 10 == 0 && partialIndex < p.size()) {
                    listener.onPartial(p.get(partialIndex++));
                }
            }

            @Override
            public void endUtterance() {
                int k = utterance.getAndIncrement();
                calls.add("end:" + k);
                chunks = 0;
                partialIndex = 0;
                if (k != silentFinal) {
                    listener.onFinal(finals.getOrDefault(k, ""));
                }
            }

            @Override
            public void reset() {
                int k = utterance.getAndIncrement();
                calls.add("reset:" + k);
                chunks = 0;
                partialIndex = 0;
            }

            @Override
            public void cancel() {
                cancelled = true;
                calls.add("cancel");
            }
        };
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
