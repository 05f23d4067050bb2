package dev.parley.runtime.builtin.llm;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llm: rules} — the built-in offline rule-based responder, registered through {@link java.util.ServiceLoader}.
 * Config keys: {@code word_delay_ms} (default 10), {@code time_zone} (default the system's).
 */
public final class RuleBasedResponderProvider implements LlmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBasedResponderProvider.class);
    public static final String ID = "rules";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Built-in rule-based responder (offline, not a language model): greets, tells the time, "
                + "does arithmetic, tells stories, calls declared tools";
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        RuleBasedResponder engine = new RuleBasedResponder(RulesConfig.from(config));
        LOG.info("LLM: {}", engine.describe());
        return engine;
    }
}
