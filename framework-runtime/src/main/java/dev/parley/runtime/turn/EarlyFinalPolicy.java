package dev.parley.runtime.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * When the input path asks the recogniser for a <em>speculative</em> final, before the end-of-turn silence window
 * has closed. A recogniser's final pass over an utterance takes tens of milliseconds (pocketsphinx's second pass:
 * 50 ms p50, 110 ms p90 on this machine); started only once the turn has ended, it adds all of that to the time to
 * first audio. Started {@code leadMs} before the window closes, it runs while the user is silent anyway. If the user
 * speaks again inside the window, the recogniser gets the rest as a new segment of the same utterance and the
 * transcript joins the segments' finals — a recogniser may lose a little context at the seam, which is the price.
 *
 * <p>Read from the {@code stt:} stage of a pipeline, next to the recogniser's own keys (every STT accepts it):
 * {@code early_final_ms} (default {@value #DEFAULT_LEAD_MS}; 0 turns speculation off). The request is never made
 * before {@value #MIN_SILENCE_MS} ms of silence, so ordinary gaps between words do not split an utterance.
 *
 * @param leadMs how long before the silence window closes the final is requested, ≥ 0
 */
public record EarlyFinalPolicy(int leadMs) {
    public static final int DEFAULT_LEAD_MS = 150;
    /** The least trailing silence that may trigger a speculative final. */
    public static final int MIN_SILENCE_MS = 60;
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
