package dev.parley.runtime.engine.response;

/**
 * Tunables of the response path.
 *
 * @param ttsTimeoutMs      a started synthesis silent for this long fails the response with {@code tts_timeout}
 * @param audioDeltaMs      size of audio deltas
 * @param firstAudioDeltaMs size of the first audio delta (smaller: the first sound leaves sooner)
 * @param llmFirstTokenMs   a model that sends no token for this long after the request fails the response
 *                          with {@code llm_timeout}: on a call, silence longer than a few seconds is a hang-up
 * @param llmStallMs        a model silent this long after its first tokens is cut off: what it said is spoken
 *                          and the response ends {@code incomplete}
 * @param maxAudioLeadMs    how far the audio sent may run ahead of the client's playback (counted from the first
 *                          delta in real time) before the next clause's synthesis waits; 0: no bound. Audio a client
 *                          never hears then costs at most this much (plus the clauses already being synthesized)
 */
public record ResponseSettings(long ttsTimeoutMs, int audioDeltaMs, int firstAudioDeltaMs, long llmFirstTokenMs,
                               long llmStallMs, long maxAudioLeadMs) {
    public static final long DEFAULT_LLM_FIRST_TOKEN_MS = 5_000;
    public static final long DEFAULT_LLM_STALL_MS = 5_000;
    /**
     * 5 s: a client's jitter buffer needs well under a second, and a clause of a long sentence is 2-4 s of audio, so
     * the next clause is still synthesized before the one playing runs out (the bound is checked at clause starts).
     */
    public static final long DEFAULT_MAX_AUDIO_LEAD_MS = 5_000;
    public static final ResponseSettings DEFAULTS = new ResponseSettings(10_000, 60, 20);

    public ResponseSettings {
        if (ttsTimeoutMs <= 0 || audioDeltaMs < 10 || firstAudioDeltaMs < 10 || llmFirstTokenMs <= 0
                || llmStallMs <= 0 || maxAudioLeadMs < 0) {
            throw new IllegalArgumentException("timeouts must be > 0 and audio delta sizes at least 10 ms, got "
                    + ttsTimeoutMs + ", " + audioDeltaMs + ", " + firstAudioDeltaMs + ", " + llmFirstTokenMs + ", "
                    + llmStallMs);
        }
    }

    /** With the default LLM waits. */
    public ResponseSettings(long ttsTimeoutMs, int audioDeltaMs, int firstAudioDeltaMs) {
        this(ttsTimeoutMs, audioDeltaMs, firstAudioDeltaMs, DEFAULT_LLM_FIRST_TOKEN_MS, DEFAULT_LLM_STALL_MS,
                DEFAULT_MAX_AUDIO_LEAD_MS);
    }

    public ResponseSettings withLlmTimeouts(long firstTokenMs, long stallMs) {
        return new ResponseSettings(ttsTimeoutMs, audioDeltaMs, firstAudioDeltaMs, firstTokenMs, stallMs,
                maxAudioLeadMs);
    }

    public ResponseSettings withMaxAudioLead(long ms) {
        return new ResponseSettings(ttsTimeoutMs, audioDeltaMs, firstAudioDeltaMs, llmFirstTokenMs, llmStallMs, ms);
    }
}
