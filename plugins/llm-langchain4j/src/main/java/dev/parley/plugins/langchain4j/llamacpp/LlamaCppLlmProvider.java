package dev.parley.plugins.langchain4j.llamacpp;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmProvider;
import dev.parley.plugins.langchain4j.FailureMapper;
import dev.parley.plugins.langchain4j.LangChain4jEngine;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llm: llamacpp} — a GGUF chat model run inside the JVM by llama.cpp ({@code de.kherud:llama}, natives
 * bundled in this plugin only), behind {@link LlamaCppStreamingChatModel}. Loading happens once, here.
 * No log callback is registered with the binding: doing so keeps the JVM alive after close.
 */
@Extension
public final class LlamaCppLlmProvider implements LlmProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_path", ConfigType.PATH, "$PARLEY_LLAMACPP_MODEL",
                    "a .gguf chat model file (required one way or the other)")
            .key("context_size", ConfigType.INTEGER, "4096",
                    "tokens of context")
            .key("threads", ConfigType.INTEGER, "all cores",
                    "CPU threads")
            .key("gpu_layers", ConfigType.INTEGER, "0",
                    "layers to offload when the native build has a GPU backend")
            .key("temperature", ConfigType.NUMBER, "0.7",
                    "sampling temperature")
            .key("max_tokens", ConfigType.INTEGER, "512",
                    "cap when the response sets no max_output_tokens")
            .key("seed", ConfigType.INTEGER, "-1",
                    "fixed seed, or -1 for random")
            .key("timeout_ms", ConfigType.INTEGER, "120000",
                    "longest silence before the first token or between tokens")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(LlamaCppLlmProvider.class);

    @Override
    public String id() {
        return "llamacpp";
    }

    @Override
    public String description() {
        return "A GGUF model run in-process by llama.cpp (model_path)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        LlamaCppConfig.from(config, System::getenv);
    }

    @Override
    public LlmEngine create(ComponentConfig config, ComponentContext context) {
        return create(LlamaCppConfig.from(config, System::getenv), context);
    }

    @Override
    public LlmEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }

    /** {@link #create(LlamaCppConfig, ComponentContext)} on the standalone context (tests and embedders). */
    public LlmEngine create(LlamaCppConfig c) {
        return create(c, ComponentContext.standalone());
    }

    public LlmEngine create(LlamaCppConfig c, ComponentContext context) {
        long start = System.nanoTime();
        LlamaModel model;
        try {
            model = new LlamaModel(new ModelParameters()
                    .setModel(c.modelPath().toString())
                    .setCtxSize(c.contextSize())
                    .setThreads(c.threads())
                    .setGpuLayers(c.gpuLayers()));
        } catch (RuntimeException e) { // the binding's LlamaException is package-private
            throw new ConfigException("llamacpp: could not load " + c.modelPath().toAbsolutePath() + " ("
                    + e.getMessage() + "). Is it a GGUF chat model for an architecture this llama.cpp build knows?");
        } catch (UnsatisfiedLinkError e) {
            throw new ConfigException("llamacpp: the llama.cpp native library could not be loaded on this machine ("
                    + e.getMessage() + ")");
        }
        LOG.info("llamacpp: loaded {} in {} ms", c.modelPath().getFileName(), (System.nanoTime() - start) / 1_000_000);
        LlamaCppStreamingChatModel chat = new LlamaCppStreamingChatModel(model, c, context.cpu());
        LangChain4jEngine engine = new LangChain4jEngine(id(), c.describe(), chat, c.timeout(), 0,
                new FailureMapper("llama.cpp (" + c.modelPath().getFileName() + ")", null), chat, context.scheduler());
        LOG.info("LLM: {}", engine.describe());
        return engine;
    }
}
