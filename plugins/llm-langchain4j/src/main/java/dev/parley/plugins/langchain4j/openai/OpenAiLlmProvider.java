package dev.parley.plugins.langchain4j.openai;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.api.ComponentConfig;
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
 * {@code llm: openai} — any OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp server, LM Studio,
 * Ollama's /v1) through LangChain4j's {@link OpenAiStreamingChatModel}. See {@link OpenAiConfig} for the keys.
 */
@Extension
public final class OpenAiLlmProvider implements LlmProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("base_url", ConfigType.URL, "https://api.openai.com/v1",
                    "endpoint root (the part before /chat/completions)")
            .key("api_key", ConfigType.STRING, "value of $OPENAI_API_KEY",
                    "bearer key; may stay empty for local servers")
            .key("api_key_env", ConfigType.STRING, "OPENAI_API_KEY",
                    "environment variable read when api_key is empty")
            .key("model", ConfigType.STRING, "gpt-4o-mini",
                    "model name")
            .key("temperature", ConfigType.NUMBER, "server default",
                    "sampling temperature (a session's temperature overrides it)")
            .key("timeout_ms", ConfigType.INTEGER, "30000",
                    "longest silence before the first token or between tokens")
            .key("max_retries", ConfigType.INTEGER, "0",
                    "retries (0..10) of a failure that happened before anything was said")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiLlmProvider.class);

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String description() {
        return "Any OpenAI-compatible endpoint (base_url, api_key from OPENAI_API_KEY, model) via LangChain4j";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        OpenAiConfig.from(config, System::getenv);
    }

    @Override
    public LlmEngine create(ComponentConfig config, ComponentContext context) {
        return create(OpenAiConfig.from(config, System::getenv), context);
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }

    /** {@link #create(OpenAiConfig, ComponentContext)} on the standalone context (tests and embedders). */
    public LlmEngine create(OpenAiConfig c) {
        return create(c, ComponentContext.standalone());
    }

    /** Builds the engine from already-read settings (tests and embedders). */
    public LlmEngine create(OpenAiConfig c, ComponentContext context) {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new CancellableHttpClientBuilder())
                .baseUrl(c.baseUrl())
                .apiKey(c.apiKey())
                .modelName(c.model())
                .temperature(c.temperature())
                .timeout(c.timeout())
                .build();
        LangChain4jEngine engine = new LangChain4jEngine(id(), c.describe(), model, c.timeout(), c.maxRetries(),
                new FailureMapper(c.baseUrl() + " (model " + c.model() + ")", c.apiKey()), null, context.scheduler());
        LOG.info("LLM: {}", engine.describe());
        return engine;
    }
}
