package dev.parley.plugins.bench;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import java.util.List;
import org.pf4j.Extension;

/**
 * TTS {@code bench}: emits a quiet 200 Hz tone, {@code ms_per_character} per character of text, in 40 ms chunks at
 * once on a virtual thread. The audio has a realistic length so pacing and truncation behave as with real speech.
 */
@Extension
public class BenchTtsProvider implements TtsProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("ms_per_character", ConfigType.INTEGER, "60",
                    "length of the 200 Hz tone emitted per character")
            .build();

    private static final int RATE = 24000;
    private static final int CHUNK = RATE / 25;

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String description() {
        return "benchmark TTS: tone of text-proportional length, no synthesis (capacity benchmarks only)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public TtsEngine create(ComponentConfig config) {
        int msPerChar = BenchConfig.from(config).msPerCharacter();
        short[] tone = new short[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            tone[i] = (short) (2000 * Math.sin(2 * Math.PI * 200 * i / RATE));
        }
        return new TtsEngine() {
            @Override
            public int sampleRate() {
                return RATE;
            }

            @Override
            public List<String> voices() {
                return List.of("bench");
            }

            @Override
            public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
                CancelGate gate = new CancelGate();
                long samples = (long) text.length() * msPerChar * RATE / 1000;
                Thread.ofVirtual().name("bench-tts").start(() -> {
                    for (long done = 0; done < samples; done += CHUNK) {
                        if (!gate.pass(() -> listener.onAudio(new AudioChunk(tone.clone(), RATE)))) {
                            return;
                        }
                    }
                    gate.pass(listener::onDone);
                });
                return gate::cancel;
            }
        };
    }
}
