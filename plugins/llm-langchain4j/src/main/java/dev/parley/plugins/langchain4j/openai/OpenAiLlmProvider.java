package dev.parley.plugins.langchain4j.openai;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.api.ComponentConfig;
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
