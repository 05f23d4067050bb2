package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.llm.LlmEngine;
import dev.parley.runtime.engine.response.LlmWaits;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.input.NarrowbandInput;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.vad.VadTiming;

/**
 * An assembled pipeline: the shared engines of every stage plus pipeline-wide settings. Built once per
 * pipeline (and per router variant) from YAML; sessions open their own streams on these engines.
 *
 * @param name       the pipeline's name (file name without .yaml unless {@code name:} says otherwise)
 * @param variant    the router variant this instance realises, or null for the base pipeline
 * @param sampleRate the internal audio rate VAD and STT run at (e.g. 16000)
 * @param overlap    true: stages stream into each other; false: each stage finishes before the next (benchmarks)
 * @param vad        voice activity detector
 * @param stt        recogniser
 * @param turn       semantic turn detector, or null when the pipeline has none (semantic_vad then falls back to
 *                   silence only)
 * @param llm        the model (or the offline rule-based responder)
 * @param tts        synthesizer
 * @param session    session defaults from YAML ({@code session:} block: instructions, voice, turn_detection …)
 * @param vadTiming  the speech segmenter's {@code min_speech_ms} / {@code hangover_ms} from the {@code vad:} stage
 * @param earlyFinal when to ask the recogniser for a speculative final ({@code early_final_ms} of the {@code stt:}
 *                   stage)
 * @param llmWaits   the {@code llm:} stage's {@code first_token_timeout_ms} / {@code stall_timeout_ms}, if set
 * @param narrowband how 8 kHz input reaches the recogniser ({@code narrowband} of the {@code stt:} stage)
 * @param denoise    noise suppressor sessions run before VAD and STT when their {@code noise_reduction} is set, or
 *                   null when the pipeline has no {@code denoise:} stage (the setting is then accepted and has no
 *                   effect)
 */
public record Pipeline(String name, String variant, int sampleRate, boolean overlap, VadEngine vad, SttEngine stt,
                       TurnDetector turn, LlmEngine llm, TtsEngine tts, ComponentConfig session, VadTiming vadTiming,
                       EarlyFinalPolicy earlyFinal, LlmWaits llmWaits, NarrowbandInput narrowband,
                       DenoiseEngine denoise)
        implements AutoCloseable {

    public Pipeline {
        narrowband = narrowband == null ? NarrowbandInput.LOWPASS : narrowband;
        vadTiming = vadTiming == null ? VadTiming.DEFAULTS : vadTiming;
        earlyFinal = earlyFinal == null ? EarlyFinalPolicy.DEFAULTS : earlyFinal;
        llmWaits = llmWaits == null ? LlmWaits.SERVER_DEFAULTS : llmWaits;
    }

    /** Without a noise suppressor. */
    public Pipeline(String name, String variant, int sampleRate, boolean overlap, VadEngine vad, SttEngine stt,
                    TurnDetector turn, LlmEngine llm, TtsEngine tts, ComponentConfig session, VadTiming vadTiming,
                    EarlyFinalPolicy earlyFinal, LlmWaits llmWaits, NarrowbandInput narrowband) {
        this(name, variant, sampleRate, overlap, vad, stt, turn, llm, tts, session, vadTiming, earlyFinal, llmWaits,
                narrowband, null);
    }

    /** With plain low-pass resampling of 8 kHz input. */
    public Pipeline(String name, String variant, int sampleRate, boolean overlap, VadEngine vad, SttEngine stt,
                    TurnDetector turn, LlmEngine llm, TtsEngine tts, ComponentConfig session, VadTiming vadTiming,
                    EarlyFinalPolicy earlyFinal, LlmWaits llmWaits) {
        this(name, variant, sampleRate, overlap, vad, stt, turn, llm, tts, session, vadTiming, earlyFinal, llmWaits,
                null);
    }

    /** With the server's LLM waits. */
    public Pipeline(String name, String variant, int sampleRate, boolean overlap, VadEngine vad, SttEngine stt,
                    TurnDetector turn, LlmEngine llm, TtsEngine tts, ComponentConfig session, VadTiming vadTiming,
                    EarlyFinalPolicy earlyFinal) {
        this(name, variant, sampleRate, overlap, vad, stt, turn, llm, tts, session, vadTiming, earlyFinal, null, null);
    }

    /** A pipeline with the default segmenter and early-final timings. */
    public Pipeline(String name, String variant, int sampleRate, boolean overlap, VadEngine vad, SttEngine stt,
                    TurnDetector turn, LlmEngine llm, TtsEngine tts, ComponentConfig session) {
        this(name, variant, sampleRate, overlap, vad, stt, turn, llm, tts, session, VadTiming.DEFAULTS,
                EarlyFinalPolicy.DEFAULTS);
    }

    /** Closes every engine; errors are ignored because this runs at shutdown. */
    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {denoise, vad, stt, turn, llm, tts}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }
        }
    }
}
