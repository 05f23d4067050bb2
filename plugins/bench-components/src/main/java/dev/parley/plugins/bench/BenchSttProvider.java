package dev.parley.plugins.bench;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.stt.SttStream;
import org.pf4j.Extension;

/** STT {@code bench}: ignores the audio and reports the configured {@code transcript} as every utterance's final. */
@Extension
public class BenchSttProvider implements SttProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("transcript", ConfigType.STRING, "benchmark utterance",
                    "the final text of every utterance")
            .build();

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String description() {
        return "benchmark STT: fixed transcript, no decoding (capacity benchmarks only)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public SttEngine create(ComponentConfig config) {
        String transcript = BenchConfig.from(config).transcript();
        return new SttEngine() {
            @Override
            public int sampleRate() {
                return 16000;
            }

            @Override
            public SttStream open(SttListener listener) {
                return new FixedTranscriptStream(transcript, listener);
            }
        };
    }

    private record FixedTranscriptStream(String transcript, SttListener listener) implements SttStream {
        @Override
        public void accept(AudioChunk chunk) {
        }

        @Override
        public void endUtterance() {
            listener.onFinal(transcript);
        }

        @Override
        public void reset() {
        }

        @Override
        public void cancel() {
        }
    }
}
