package dev.parley.runtime.input.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * When the input path asks the recogniser for a <em>speculative</em> final, before the end-of-turn silence window
 * has closed. A recogniser's final pass over an utterance takes tens of milliseconds (pocketsphinx's second pass:
 * 50 ms p50, 110 ms p90 on this machine); started only once the turn has ended, it adds all of that to the time to
 * first audio. Started {@code leadMs} before the window closes, it runs while the user is silent anyway. If the user
 * speaks again inside the window, that final is void and the recogniser decodes the whole utterance again (the
 * runtime holds its audio), so the transcript is as accurate as without speculation; the price is CPU.
 *
 * <p>Read from the {@code stt:} stage of a pipeline, next to the recogniser's own keys (every STT accepts it):
 * {@code early_final_ms} (default {@value #DEFAULT_LEAD_MS}; 0 turns speculation off). The request is never made
 * before {@value #MIN_SILENCE_MS} ms of silence: gaps between words and stop closures are shorter, and each void
 * speculation costs a re-decode whose backlog delays the next final. Measured on the 8 spoken fixtures with
 * pocketsphinx and a 200 ms window (40 turns each, machine load ~3): a 60 ms floor gave TTFA p90 386 ms, 100 ms
 * 364 ms, 130 ms 286–290 ms, 150 ms 322 ms (too little of the window left for the final); speculation off 398 ms.
 *
 * @param leadMs how long before the silence window closes the final is requested, ≥ 0
 */
public record EarlyFinalPolicy(int leadMs) {
    public static final int DEFAULT_LEAD_MS = 150;
    /** The least trailing silence that may trigger a speculative final. */
    public static final int MIN_SILENCE_MS = 130;
    public static final EarlyFinalPolicy DEFAULTS = new EarlyFinalPolicy(DEFAULT_LEAD_MS);
    public static final EarlyFinalPolicy OFF = new EarlyFinalPolicy(0);

    public EarlyFinalPolicy {
        if (leadMs < 0) {
            throw new IllegalArgumentException("early_final_ms must be >= 0");
        }
    }

    /** Reads {@code early_final_ms} from an stt stage's config. */
    public static EarlyFinalPolicy from(ComponentConfig config) {
        int lead = config.integer("early_final_ms", DEFAULT_LEAD_MS);
        if (lead < 0 || lead > 5000) {
            throw new ConfigException(config.source() + ": key 'early_final_ms' must be between 0 and 5000, got "
                    + lead);
        }
        return new EarlyFinalPolicy(lead);
    }

    /**
     * @param silenceMs  trailing silence so far
     * @param requiredMs the silence that ends the turn now (from the {@link EndOfTurnPolicy})
     * @return true when the speculative final should be requested now
     */
    public boolean due(long silenceMs, long requiredMs) {
        return leadMs > 0 && silenceMs >= Math.max(MIN_SILENCE_MS, requiredMs - leadMs) && silenceMs < requiredMs;
    }
}
