package dev.parley.plugins.rules;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the rule-based responder.
 *
 * @param wordDelay pause between streamed words ({@code word_delay_ms}, default 10), so downstream stages see a
 *                  realistic token stream rather than one burst
 * @param zone      time zone for time and date answers ({@code time_zone}, default the system's)
 */
public record RulesConfig(Duration wordDelay, ZoneId zone) {
    public static final int DEFAULT_WORD_DELAY_MS = 10;

    public RulesConfig {
        if (wordDelay.isNegative()) {
            throw new IllegalArgumentException("wordDelay must not be negative");
        }
    }

    /** Reads {@code word_delay_ms} and {@code time_zone}; errors name the key and the config's source. */
    public static RulesConfig from(ComponentConfig config) {
        int delayMs = config.integer("word_delay_ms", DEFAULT_WORD_DELAY_MS);
        if (delayMs < 0 || delayMs > 10_000) {
            throw new ConfigException(config.source() + ": key 'word_delay_ms' must be between 0 and 10000, got "
                    + delayMs);
        }
        ZoneId zone;
        try {
            zone = config.string("time_zone").filter(s -> !s.isBlank()).map(ZoneId::of)
                    .orElse(ZoneId.systemDefault());
        } catch (DateTimeException e) {
            throw new ConfigException(config.source() + ": key 'time_zone' is not a known time zone ("
                    + e.getMessage() + "); use a name such as Europe/Paris or UTC");
        }
        return new RulesConfig(Duration.ofMillis(delayMs), zone);
    }
}
