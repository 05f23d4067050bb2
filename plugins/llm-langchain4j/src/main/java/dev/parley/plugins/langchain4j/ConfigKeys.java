package dev.parley.plugins.langchain4j;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

import java.time.Duration;

/**
 * Reading and checking the keys the providers' config records have in common ({@code base_url},
 * {@code temperature}, {@code timeout_ms}, {@code max_retries}), so that each key means and reports the same in
 * every provider. Errors name the stage's source and the key.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /** {@code base_url}: an http:// or https:// URL, {@code defaultUrl} when absent or blank. */
    public static String baseUrl(ComponentConfig config, String defaultUrl) {
        String baseUrl = config.string("base_url").filter(s -> !s.isBlank()).orElse(defaultUrl).trim();
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new ConfigException(config.source() + ": key 'base_url' must be an http:// or https:// URL, got '"
                    + baseUrl + "'");
        }
        return baseUrl;
    }

    /** A number, or null when the key is absent or blank (the model's own default then applies). */
    public static Double optionalNumber(ComponentConfig config, String key) {
        return config.string(key).filter(s -> !s.isBlank()).isPresent() ? config.number(key, 0) : null;
    }

    /** A whole number that must be above zero. */
    public static int positive(ComponentConfig config, String key, int defaultValue) {
        int v = config.integer(key, defaultValue);
        if (v <= 0) {
            throw new ConfigException(config.source() + ": key '" + key + "' must be positive, got " + v);
        }
        return v;
    }

    /** {@code timeout_ms}: the longest wait for the first token or between tokens. */
    public static Duration timeout(ComponentConfig config, int defaultMs) {
        return Duration.ofMillis(positive(config, "timeout_ms", defaultMs));
    }

    /** {@code max_retries}: 0 to 10, default 0. */
    public static int maxRetries(ComponentConfig config) {
        int maxRetries = config.integer("max_retries", 0);
        if (maxRetries < 0 || maxRetries > 10) {
            throw new ConfigException(config.source() + ": key 'max_retries' must be between 0 and 10, got "
                    + maxRetries);
        }
        return maxRetries;
    }
}
