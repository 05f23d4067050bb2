package dev.parley.plugins.langchain4j.ollama;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.plugins.langchain4j.ConfigKeys;

import java.time.Duration;

/**
 * Settings of the {@code ollama} provider (Ollama's native /api/chat).
 *
 * @param baseUrl     {@code base_url}; default {@value #DEFAULT_BASE_URL}
 * @param model       {@code model}, required (e.g. {@code llama3.2}; pull it with {@code ollama pull})
 * @param temperature {@code temperature}, or null for the model's default
 * @param contextSize {@code num_ctx}, or null for Ollama's default
 * @param timeout     {@code timeout_ms}: longest wait for the first token or between tokens (default 60000: Ollama
 *                    may load the model on the first request)
 * @param maxRetries  {@code max_retries}, default 0
 */
public record OllamaConfig(String baseUrl, String model, Double temperature, Integer contextSize, Duration timeout,
                           int maxRetries) {
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    public static OllamaConfig from(ComponentConfig config) {
        String baseUrl = ConfigKeys.baseUrl(config, DEFAULT_BASE_URL);
        String model = config.string("model").filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigException(
                config.source() + ": the ollama provider needs 'model', the name of a model pulled into Ollama "
                        + "(for example: ollama pull llama3.2, then model: llama3.2)"));
        Double temperature = ConfigKeys.optionalNumber(config, "temperature");
        Integer contextSize = config.has("num_ctx") ? config.integer("num_ctx", 2048) : null;
        return new OllamaConfig(baseUrl, model.trim(), temperature, contextSize, ConfigKeys.timeout(config, 60_000),
                ConfigKeys.maxRetries(config));
    }

    public String describe() {
        return "ollama model " + model + " at " + baseUrl;
    }
}
