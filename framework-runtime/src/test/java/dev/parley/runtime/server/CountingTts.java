package dev.parley.runtime.server;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test synthesizer as fast as a machine allows (like the bench plugin's: {@code msPerChar} of tone per character,
 * 20 ms chunks at 24 kHz, no pacing), which counts what it was asked to synthesize and what it produced — so a test
 * can see whether production stopped.
 */
final class CountingTts implements TtsEngine {
    static final int RATE = 24000;
    private static final int CHUNK = 480;
    final AtomicInteger syntheses = new AtomicInteger();
    final AtomicLong samples = new AtomicLong();
    private final int msPerChar;

    CountingTts(int msPerChar) {
        this.msPerChar = msPerChar;
    }

    /** Bytes of 24 kHz pcm16 produced so far. */
    long bytes() {
        return samples.get() * 2;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public List<String> voices() {
        return List.of("alloy");
    }

    @Override
    public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
        syntheses.incrementAndGet();
        AtomicBoolean stop = new AtomicBoolean();
        long total = (long) text.length() * msPerChar * RATE / 1000;
        Thread.ofVirtual().start(() -> {
            short[] tone = new short[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                tone[i] = (short) (4000 * Math.sin(2 * Math.PI * 300 * i / RATE));
            }
            for (long done = 0; done < total && !stop.get(); done += CHUNK) {
                samples.addAndGet(CHUNK);
                listener.onAudio(new AudioChunk(tone.clone(), RATE));
            }
            if (!stop.get()) {
                listener.onDone();
            }
        });
        return () -> stop.set(true);
    }
}
