package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.vad.VadTiming;

/**
 * The keys the runtime itself reads from every stage of a kind, whatever the provider: they are accepted next to
 * the provider's own declared keys (see {@link VadTiming#from}, {@link EarlyFinalPolicy#from} and
 * {@code engine.response.LlmWaits}).
 */
public final class RuntimeStageKeys {
    private static final ConfigSpec VAD = ConfigSpec.builder()
            .key("min_speech_ms", ConfigType.INTEGER, String.valueOf(VadTiming.DEFAULT_MIN_SPEECH_MS),
                    "voiced time before a speech onset (runtime segmenter, 0..5000)")
            .key("hangover_ms", ConfigType.INTEGER, String.valueOf(VadTiming.DEFAULT_HANGOVER_MS),
                    "unvoiced time before a speech offset (runtime segmenter, 0..5000)")
            .build();
    private static final ConfigSpec STT = ConfigSpec.builder()
            .key("early_final_ms", ConfigType.INTEGER, String.valueOf(EarlyFinalPolicy.DEFAULT_LEAD_MS),
                    "ask for a speculative final this long before the turn's silence ends (runtime, 0..5000)")
            .key("narrowband", ConfigType.STRING, "lowpass",
                    "8 kHz (G.711) input to the recogniser: lowpass, spectral_fold, zero_insertion or "
                            + "zero_insertion_noise (runtime)")
            .build();
    private static final ConfigSpec LLM = ConfigSpec.builder()
            .key("first_token_timeout_ms", ConfigType.INTEGER, null,
                    "fail the response (llm_timeout) when no token comes this long after the request (runtime; "
                            + "default serve --llm-first-token-timeout-ms)")
            .key("stall_timeout_ms", ConfigType.INTEGER, null,
                    "end the response incomplete (llm_stalled) after this much silence following the first tokens "
                            + "(runtime; default serve --llm-stall-timeout-ms)")
            .build();
    private static final ConfigSpec NONE = ConfigSpec.of();

    private RuntimeStageKeys() {
    }

    /** The runtime's keys for a stage of {@code kind}; empty (but declared) for kinds it reads nothing from. */
    public static ConfigSpec of(ComponentKind kind) {
        return switch (kind) {
            case VAD -> VAD;
            case STT -> STT;
            case LLM -> LLM;
            default -> NONE;
        };
    }
}
