package dev.parley.plugins.langchain4j.ollama;

import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigKey;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmProvider;
import dev.parley.plugins.langchain4j.CancellableHttpClientBuilder;
import dev.parley.plugins.langchain4j.FailureMapper;
import dev.parley.plugins.langchain4j.LangChain4jEngine;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llm: ollama} — a model served by Ollama, through LangChain4j's native Ollama module. Ollama sends tool
 * calls whole (no argument deltas), so listeners get {@code onToolCall} without preceding deltas.
 */
@Extension
public final class OllamaLlmProvider implements LlmProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("base_url", ConfigType.URL, "http://localhost:11434",
                    "Ollama server")
            .key("model", ConfigType.STRING, ConfigKey.REQUIRED,
                    "a pulled model, e.g. llama3.2 after ollama pull llama3.2")
            .key("temperature", ConfigType.NUMBER, "model default",
                    "sampling temperature")
            .key("num_ctx", ConfigType.INTEGER, "Ollama default",
                    "context size")
            .key("timeout_ms", ConfigType.INTEGER, "60000",
                    "longest silence before the first token or between tokens")
            .key("max_retries", ConfigType.INTEGER, "0",
                    "retries (0..10) of a failure that happened before anything was said")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(OllamaLlmProvider.class);

    @Override
    public String id() {
        return "ollama";
    }

    @Override
    public String description() {
        return "A model served by Ollama (base_url, model) via LangChain4j's Ollama module";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        OllamaConfig.from(config);
    }

    @Override
    public LlmEngine create(ComponentConfig config, ComponentContext context) {
        return create(OllamaConfig.from(config), context);
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }

    /** {@link #create(OllamaConfig, ComponentContext)} on the standalone context (tests and embedders). */
    public LlmEngine create(OllamaConfig c) {
        return create(c, ComponentContext.standalone());
    }

    public LlmEngine create(OllamaConfig c, ComponentContext context) {
        OllamaStreamingChatModel model = OllamaStreamingChatModel.builder()
                .httpClientBuilder(new CancellableHttpClientBuilder())
                .baseUrl(c.baseUrl())
                .modelName(c.model())
                .temperature(c.temperature())
                .numCtx(c.contextSize())
                .timeout(c.timeout())
                .build();
        LangChain4jEngine engine = new LangChain4jEngine(id(), c.describe(), model, c.timeout(), c.maxRetries(),
                new FailureMapper("Ollama at " + c.baseUrl() + " (model " + c.model() + ")", null), null,
                context.scheduler());
        LOG.info("LLM: {}", engine.describe());
        return engine;
    }
}
