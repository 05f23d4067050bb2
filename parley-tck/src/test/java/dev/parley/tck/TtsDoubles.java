package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;

import java.util.List;

/** TTS doubles for the kit's self-tests: a tone in 20 ms chunks, produced faster than real time. */
final class TtsDoubles {
    private static final int RATE = 24_000;

    private TtsDoubles() {
    }

    /** Checks a cancel flag under the delivery lock before every callback: passes the suite. */
    static final class WellBehaved implements TtsProvider {
        @Override
        public String id() {
            return "well-behaved-tts";
        }

        @Override
        public TtsEngine create(ComponentConfig config) {
            return new ToneEngine(true);
        }
    }

    /** Keeps producing audio after cancel. */
    static final class KeepsSendingAfterCancel implements TtsProvider {
        @Override
        public String id() {
            return "keeps-sending-after-cancel";
        }

        @Override
        public TtsEngine create(ComponentConfig config) {
            return new ToneEngine(false);
        }
    }

    private record ToneEngine(boolean honoursCancel) implements TtsEngine {
        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public List<String> voices() {
            return List.of("low", "high");
        }

        @Override
        public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
            Object lock = new Object();
            boolean[] cancelled = {false};
            double hz = "high".equals(settings.voice()) ? 440 : 220;
            Thread.ofVirtual().name("tck-double-tts").start(() -> {
                int chunks = Math.max(2, text.length() / 4);
                for (int c = 0; c < chunks; c++) {
                    short[] s = new short[RATE / 50];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * (c * s.length + i) / RATE));
                    }
                    Calls.sleep(5);
                    synchronized (lock) {
                        if (cancelled[0] && honoursCancel) {
                            return;
                        }
                        listener.onAudio(new AudioChunk(s, RATE));
                    }
                }
                synchronized (lock) {
                    if (!(cancelled[0] && honoursCancel)) {
                        listener.onDone();
                    }
                }
            });
            return () -> {
                synchronized (lock) {
                    cancelled[0] = true;
                }
            };
        }
    }
}
