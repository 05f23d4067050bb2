package dev.parley.plugins.bench;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.api.vad.VadStream;
import org.pf4j.Extension;

/** VAD {@code bench}: a frame is speech when any sample reaches {@code speech_level}. 20 ms frames at 16 kHz. */
@Extension
public class BenchVadProvider implements VadProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("speech_level", ConfigType.INTEGER, "1000",
                    "a 20 ms frame is speech when any sample reaches this magnitude")
            .build();

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String description() {
        return "benchmark VAD: peak level gate, no model (capacity benchmarks only)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public VadEngine create(ComponentConfig config) {
        int level = BenchConfig.from(config).speechLevel();
        return new VadEngine() {
            @Override
            public int sampleRate() {
                return 16000;
            }

            @Override
            public int frameSamples() {
                return 320;
            }

            @Override
            public VadStream open() {
                return new PeakGate(level);
            }
        };
    }

    /** Stateless gate: speech when the frame's peak reaches the level. */
    private record PeakGate(int level) implements VadStream {
        @Override
        public float speechProbability(short[] frame) {
            for (short s : frame) {
                if (s >= level || s <= -level) {
                    return 1f;
                }
            }
            return 0f;
        }

        @Override
        public void reset() {
        }
    }
}
