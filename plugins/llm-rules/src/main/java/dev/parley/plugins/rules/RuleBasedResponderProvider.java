package dev.parley.plugins.rules;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmProvider;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llm: rules} — the offline rule-based responder, a PF4J extension of the {@code llm-rules} plugin.
 * Config keys: {@code word_delay_ms} (default 10), {@code time_zone} (default the system's).
 */
@Extension
public final class RuleBasedResponderProvider implements LlmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBasedResponderProvider.class);
    public static final String ID = "rules";
    /** The {@code config:} keys {@link RulesConfig#from} reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("word_delay_ms", ConfigType.INTEGER, String.valueOf(RulesConfig.DEFAULT_WORD_DELAY_MS),
                    "pause between streamed words, 0..10000 ms")
            .key("time_zone", ConfigType.STRING, "the system's",
                    "time zone of time and date answers, e.g. UTC or Europe/Paris")
            .build();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Rule-based responder (offline, not a language model): greets, tells the time, "
                + "does arithmetic, tells stories, calls declared tools";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same checks as {@link #create} (delay range, known time zone), without building the engine. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        RulesConfig.from(config);
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        RuleBasedResponder engine = new RuleBasedResponder(RulesConfig.from(config));
        LOG.info("LLM: {}", engine.describe());
        return engine;
    }
}
