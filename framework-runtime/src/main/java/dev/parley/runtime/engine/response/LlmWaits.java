package dev.parley.runtime.engine.response;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * One llm stage's own waits on its model ({@code first_token_timeout_ms}, {@code stall_timeout_ms}, keys every
 * llm stage accepts beside its provider's), overriding the server's {@link ResponseSettings} for that pipeline: a
 * local model that loads on its first request needs longer than a hosted one. Null means the server's value.
 *
 * @param firstTokenMs no token this long after the request fails the response ({@code llm_timeout})
 * @param stallMs      this long silent after the first tokens ends it {@code incomplete}
 */
public record LlmWaits(Long firstTokenMs, Long stallMs) {
    public static final LlmWaits SERVER_DEFAULTS = new LlmWaits(null, null);

    /** Reads the two keys of an llm stage's config (absent: the server's value). */
    public static LlmWaits from(ComponentConfig config) {
        return new LlmWaits(positive(config, "first_token_timeout_ms"), positive(config, "stall_timeout_ms"));
    }

    private static Long positive(ComponentConfig config, String key) {
        if (config.string(key).filter(s -> !s.isBlank()).isEmpty()) {
            return null;
        }
        long v = config.integer(key, 0);
        if (v <= 0) {
            throw new ConfigException(config.source() + ": key '" + key + "' must be a positive number of ms, got "
                    + v);
        }
        return v;
    }

    /** {@code server} with this stage's waits where it sets them. */
    public ResponseSettings over(ResponseSettings server) {
        if (firstTokenMs == null && stallMs == null) {
            return server;
        }
        return server.withLlmTimeouts(firstTokenMs == null ? server.llmFirstTokenMs() : firstTokenMs,
                stallMs == null ? server.llmStallMs() : stallMs);
    }
}
