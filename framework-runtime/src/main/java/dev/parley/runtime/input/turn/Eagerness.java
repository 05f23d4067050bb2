package dev.parley.runtime.input.turn;

import java.util.Locale;

/**
 * The OpenAI {@code semantic_vad} eagerness: how long the agent is willing to wait for a user who sounds
 * unfinished. Each level bounds the silence window between {@link #minSilenceMs()} (the user clearly finished)
 * and {@link #maxSilenceMs()} (the user clearly did not): low 8 s, medium 4 s, high 2 s; auto behaves as medium.
 */
public enum Eagerness {
    LOW(400, 8_000),
    MEDIUM(250, 4_000),
    HIGH(200, 2_000),
    AUTO(250, 4_000);

    private final long minSilenceMs;
    private final long maxSilenceMs;

    Eagerness(long minSilenceMs, long maxSilenceMs) {
        this.minSilenceMs = minSilenceMs;
        this.maxSilenceMs = maxSilenceMs;
    }

    /** Silence that ends a turn which certainly sounds complete. */
    public long minSilenceMs() {
        return minSilenceMs;
    }

    /** Silence that ends a turn which certainly sounds unfinished: the longest the agent waits. */
    public long maxSilenceMs() {
        return maxSilenceMs;
    }

    /**
     * Parses the protocol value; null or blank means {@link #AUTO}.
     *
     * @throws IllegalArgumentException for any other value, naming the accepted ones
     */
    public static Eagerness parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eagerness must be one of low, medium, high, auto; got '" + value + "'");
        }
    }
}
