package dev.parley.runtime.engine;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-scope components for the engine benchmark: they cost (almost) nothing, or a fixed, configurable pace, so
 * what is measured is the framework itself. Each counts the streams it opened and those cancelled.
 */
final class ZeroCostComponents {
    private ZeroCostComponents() {
    }

    /** Emits {@code words} word deltas, {@code msPerWord} apart (0: at once), then completes. */
    static final class Llm implements LlmEngine {
        final int words;
        final long msPerWord;
        final AtomicInteger streams = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();

        Llm(int words, long msPerWord) {
            this.words = words;
            this.msPerWord = msPerWord;
        }

        @Override
        public LlmStream stream(LlmRequest request, LlmListener listener) {
            streams.incrementAndGet();
            AtomicBoolean stop = new AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < words && !stop.get(); i++) {
                    pause(msPerWord);
                    String w = i == 3 || i % 12 == 11 ? "word, " : (i % 12 == 7 ? "word. " : "word ");
                    listener.onTextDelta(w);
                }
                if (!stop.get()) {
                    listener.onComplete(FinishReason.STOP, TokenUsage.UNKNOWN);
                }
            });
            return () -> {
                if (stop.compareAndSet(false, true)) {
                    cancelled.incrementAndGet();
                }
            };
        }
    }

    /** Per clause: first chunk after {@code firstMs}, then 20 ms chunks every {@code msPerChunk}, 10 per clause. */
    static final class Tts implements TtsEngine {
        final long firstMs;
        final long msPerChunk;
        final AtomicInteger syntheses = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();

        Tts(long firstMs, long msPerChunk) {
            this.firstMs = firstMs;
            this.msPerChunk = msPerChunk;
        }

        @Override
        public int sampleRate() {
            return 24000;
        }

        @Override
        public List<String> voices() {
            return List.of("bench");
        }

        @Override
        public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
            syntheses.incrementAndGet();
            AtomicBoolean stop = new AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                pause(firstMs);
                for (int c = 0; c < 10 && !stop.get(); c++) {
                    if (c > 0) {
                        pause(msPerChunk);
                    }
                    listener.onAudio(new AudioChunk(new short[480], 24000));
                }
                if (!stop.get()) {
                    listener.onDone();
                }
            });
            return () -> {
                if (stop.compareAndSet(false, true)) {
                    cancelled.incrementAndGet();
                }
            };
        }
    }

    /** Speech when the frame's first sample is non-zero. */
    static final class Vad implements VadEngine {
        @Override
        public int sampleRate() {
            return 16000;
        }

        @Override
        public int frameSamples() {
            return 512;
        }

        @Override
        public VadStream open() {
            return new VadStream() {
                @Override
                public float speechProbability(short[] frame) {
                    return frame[0] != 0 ? 0.9f : 0.1f;
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    /** Accepts audio, answers every utterance with an empty final. */
    static final class Stt implements SttEngine {
        @Override
        public int sampleRate() {
            return 16000;
        }

        @Override
        public SttStream open(SttListener listener) {
            return new SttStream() {
                @Override
                public void accept(AudioChunk chunk) {
                }

                @Override
                public void endUtterance() {
                    listener.onFinal("");
                }

                @Override
                public void reset() {
                }

                @Override
                public void cancel() {
                }
            };
        }
    }

    static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
