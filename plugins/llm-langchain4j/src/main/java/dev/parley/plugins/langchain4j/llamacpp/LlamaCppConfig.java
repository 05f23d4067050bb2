package dev.parley.plugins.langchain4j.llamacpp;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.MissingResourceException;
import dev.parley.plugins.langchain4j.ConfigKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the {@code llamacpp} provider (a GGUF model run inside the JVM).
 *
 * @param modelPath     {@code model_path}, required (default: {@code $PARLEY_LLAMACPP_MODEL}): a {@code .gguf} chat
 *                      model file
 * @param contextSize   {@code context_size}, tokens of context (default 4096)
 * @param threads       {@code threads}, CPU threads for generation (default: all cores)
 * @param gpuLayers     {@code gpu_layers}, layers to offload when the native build has a GPU backend (default 0)
 * @param temperature   {@code temperature}, default 0.7
 * @param maxTokens     {@code max_tokens}, cap when the request sets none (default 512)
 * @param seed          {@code seed}, or -1 for random (default)
 * @param timeout       {@code timeout_ms}: longest silence before/between tokens (default 120000: CPU prompt
 *                      processing of a long history can take a while)
 */
public record LlamaCppConfig(Path modelPath, int contextSize, int threads, int gpuLayers, double temperature,
                             int maxTokens, int seed, Duration timeout) {

    public static final String MODEL_ENV = "PARLEY_LLAMACPP_MODEL";

    /** Reads the stage config; {@code env} looks up environment variables (System::getenv outside tests). */
    public static LlamaCppConfig from(ComponentConfig config, Function<String, String> env) {
        Path model = config.path("model_path")
                .or(() -> Optional.ofNullable(env.apply(MODEL_ENV)).filter(s -> !s.isBlank()).map(Path::of))
                .orElseThrow(() -> new MissingResourceException(config.source()
                + ": the llamacpp provider needs 'model_path', a GGUF chat model file (for example a "
                + "Q4_K_M quantisation of a small instruct model). No chat weights ship with Parley; download one "
                + "yourself and set model_path, or " + MODEL_ENV + " for pipelines/llamacpp.yaml."));
        if (!Files.isRegularFile(model)) {
            throw new ConfigException(config.source() + ": key 'model_path' names " + model.toAbsolutePath()
                    + ", which is not a file. Point it at a downloaded .gguf chat model.");
        }
        if (!Files.isReadable(model)) {
            throw new ConfigException(config.source() + ": key 'model_path': " + model.toAbsolutePath()
                    + " is not readable.");
        }
        int contextSize = ConfigKeys.positive(config, "context_size", 4096);
        int threads = ConfigKeys.positive(config, "threads", Runtime.getRuntime().availableProcessors());
        int gpuLayers = config.integer("gpu_layers", 0);
        int maxTokens = ConfigKeys.positive(config, "max_tokens", 512);
        Duration timeout = ConfigKeys.timeout(config, 120_000);
        return new LlamaCppConfig(model, contextSize, threads, Math.max(0, gpuLayers),
                config.number("temperature", 0.7), maxTokens, config.integer("seed", -1),
                timeout);
    }

    public String describe() {
        return "llamacpp " + modelPath.getFileName() + " in-process (context " + contextSize + ", " + threads
                + " threads)";
    }
}
