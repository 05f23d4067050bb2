package dev.parley.plugins.bench;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmProvider;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import org.pf4j.Extension;

/** LLM {@code bench}: streams the configured {@code reply} word by word at once, on a virtual thread. */
@Extension
public class BenchLlmProvider implements LlmProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("reply", ConfigType.STRING, "three short sentences",
                    "streamed word by word at once")
            .build();

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String description() {
        return "benchmark LLM: fixed reply, no model (capacity benchmarks only)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        String[] words = BenchConfig.from(config).reply().split("(?<= )");
        return new LlmEngine() {
            @Override
            public LlmStream stream(LlmRequest request, LlmListener listener) {
                CancelGate gate = new CancelGate();
                Thread.ofVirtual().name("bench-llm").start(() -> {
                    for (String w : words) {
                        if (!gate.pass(() -> listener.onTextDelta(w))) {
                            return;
                        }
                    }
                    gate.pass(() -> listener.onComplete(FinishReason.STOP, new TokenUsage(0, words.length)));
                });
                return gate::cancel;
            }

            @Override
            public String describe() {
                return "bench (fixed reply, " + words.length + " words)";
            }
        };
    }
}
