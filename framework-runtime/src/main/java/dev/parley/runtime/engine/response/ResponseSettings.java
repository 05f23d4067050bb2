package dev.parley.runtime.engine.response;

import dev.parley.api.ComponentConfig;

/**
 * Tunables of the response path.
 *
 * @param ttsTimeoutMs      a started synthesis silent for this long fails the response with {@code tts_timeout}
 * @param audioDeltaMs      size of audio deltas
 * @param firstAudioDeltaMs size of the first audio delta (smaller: the first sound leaves sooner)
 */
public record ResponseSettings(long ttsTimeoutMs, int audioDeltaMs, int firstAudioDeltaMs) {
    public static final ResponseSettings DEFAULTS = new ResponseSettings(10_000, 60, 20);

    public ResponseSettings {
        if (ttsTimeoutMs <= 0 || audioDeltaMs < 10 || firstAudioDeltaMs < 10) {
            throw new IllegalArgumentException("tts_timeout_ms must be > 0 and audio delta sizes ≥ 10 ms");
        }
    }

    /** Reads {@code tts_timeout_ms}, {@code audio_delta_ms}, {@code first_audio_delta_ms} from an engine config. */
    public static ResponseSettings from(ComponentConfig engine) {
        return new ResponseSettings(engine.integer("tts_timeout_ms", (int) DEFAULTS.ttsTimeoutMs),
                engine.integer("audio_delta_ms", DEFAULTS.audioDeltaMs),
                engine.integer("first_audio_delta_ms", DEFAULTS.firstAudioDeltaMs));
    }
}
