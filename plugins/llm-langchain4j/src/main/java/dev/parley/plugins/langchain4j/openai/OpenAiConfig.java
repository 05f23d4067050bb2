package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.MissingResourceException;
import dev.parley.plugins.langchain4j.ConfigKeys;

import java.time.Duration;

/**
 * Settings of the {@code openai} provider (any OpenAI-compatible chat-completions endpoint).
 *
 * @param baseUrl     {@code base_url}; default {@value #DEFAULT_BASE_URL}, the OpenAI API's public address
 * @param apiKey      {@code api_key}, else the environment variable named by {@code api_key_env}
 *                    (default {@code OPENAI_API_KEY}); may be null for local servers that need none
 * @param apiKeySource where the key came from, for logs (never the key itself)
 * @param model       {@code model}; default {@value #DEFAULT_MODEL}
 * @param temperature {@code temperature}, or null for the server's default
 * @param timeout     {@code timeout_ms}: longest wait for the first token or between tokens (default 30000)
 * @param maxRetries  {@code max_retries}: retries of a failure that happened before any output (default 0)
 */
public record OpenAiConfig(String baseUrl, String apiKey, String apiKeySource, String model, Double temperature,
                           Duration timeout, int maxRetries) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final int DEFAULT_TIMEOUT_MS = 30_000;

    /** Reads the stage config; {@code env} looks up environment variables (System::getenv outside tests). */
    public static OpenAiConfig from(ComponentConfig config, java.util.function.Function<String, String> env) {
        String baseUrl = ConfigKeys.baseUrl(config, DEFAULT_BASE_URL);
        String keyEnv = config.string("api_key_env", "OPENAI_API_KEY");
        String apiKey = config.string("api_key").filter(s -> !s.isBlank()).orElse(null);
        String source = apiKey != null ? "api_key" : null;
        if (apiKey == null) {
            String fromEnv = env.apply(keyEnv);
            if (fromEnv != null && !fromEnv.isBlank()) {
                apiKey = fromEnv.trim();
                source = keyEnv;
            }
        }
        if (apiKey == null && baseUrl.equals(DEFAULT_BASE_URL)) {
            throw new MissingResourceException(config.source() + ": the openai provider talks to " + DEFAULT_BASE_URL
                    + " but no API key is set. Set " + keyEnv + " (or 'api_key'), or set 'base_url' "
                    + "(PARLEY_LLM_BASE_URL) to a local OpenAI-compatible server.");
        }
        String model = config.string("model").filter(s -> !s.isBlank()).orElse(DEFAULT_MODEL).trim();
        Double temperature = ConfigKeys.optionalNumber(config, "temperature");
        return new OpenAiConfig(baseUrl, apiKey, source, model, temperature,
                ConfigKeys.timeout(config, DEFAULT_TIMEOUT_MS), ConfigKeys.maxRetries(config));
    }

    /** One line for start-up logs: model and endpoint, and whether a key is used (not the key). */
    public String describe() {
        return "openai model " + model + " at " + baseUrl
                + (apiKey == null ? " (no API key)" : " (API key from " + apiKeySource + ")");
    }
}
