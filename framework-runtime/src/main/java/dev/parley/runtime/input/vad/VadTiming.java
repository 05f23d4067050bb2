package dev.parley.runtime.input.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * The segmenter settings a pipeline's {@code vad:} stage carries next to its detector's own keys. Every VAD
 * (built-in or plugin) accepts them, so the runtime reads them here rather than from the detector:
 * <ul>
 *   <li>{@code min_speech_ms} (default {@value #DEFAULT_MIN_SPEECH_MS}) — voiced time before an onset counts, so
 *       clicks and coughs shorter than that do not start a turn;</li>
 *   <li>{@code hangover_ms} (default {@value #DEFAULT_HANGOVER_MS}) — unvoiced time before an offset counts, so
 *       stop closures and short gaps between words do not end speech.</li>
 * </ul>
 *
 * @param minSpeechMs voiced time needed for an onset, ≥ 0
 * @param hangoverMs  unvoiced time needed for an offset, ≥ 0
 */
public record VadTiming(int minSpeechMs, int hangoverMs) {
    public static final int DEFAULT_MIN_SPEECH_MS = 100;
    public static final int DEFAULT_HANGOVER_MS = 300;
    public static final VadTiming DEFAULTS = new VadTiming(DEFAULT_MIN_SPEECH_MS, DEFAULT_HANGOVER_MS);

    public VadTiming {
        if (minSpeechMs < 0 || hangoverMs < 0) {
            throw new IllegalArgumentException("min_speech_ms and hangover_ms must be >= 0");
        }
    }

    /** Reads {@code min_speech_ms} and {@code hangover_ms} from a vad stage's config, with the defaults above. */
    public static VadTiming from(ComponentConfig config) {
        int minSpeech = config.integer("min_speech_ms", DEFAULT_MIN_SPEECH_MS);
        int hangover = config.integer("hangover_ms", DEFAULT_HANGOVER_MS);
        if (minSpeech < 0 || minSpeech > 5000) {
            throw new ConfigException(config.source() + ": key 'min_speech_ms' must be between 0 and 5000, got "
                    + minSpeech);
        }
        if (hangover < 0 || hangover > 5000) {
            throw new ConfigException(config.source() + ": key 'hangover_ms' must be between 0 and 5000, got "
                    + hangover);
        }
        return new VadTiming(minSpeech, hangover);
    }

    /** A segmenter for one session with these timings. */
    public SpeechSegmenter segmenter(double threshold, int frameMs) {
        return new SpeechSegmenter(threshold, frameMs, minSpeechMs, hangoverMs);
    }
}
