package dev.parley.runtime.engine.response;

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
            throw new IllegalArgumentException("ttsTimeoutMs must be > 0 and audio delta sizes at least 10 ms, got "
                    + ttsTimeoutMs + ", " + audioDeltaMs + ", " + firstAudioDeltaMs);
        }
    }
}
