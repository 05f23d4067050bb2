package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.runtime.engine.response.LlmWaits;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.router.Router;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.input.NarrowbandInput;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.vad.VadTiming;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.RegisteredProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PipelineDefinition} into a running {@link Pipeline} by calling each stage provider's
 * {@code create(ComponentConfig, ComponentContext)}, with the registry's context, in pipeline order (denoise,
 * vad, stt, turn, llm, tts). If any stage fails, the engines already created are closed and the error names the stage's
 * file:line.
 */
public final class PipelineAssembler {
    private final ComponentRegistry registry;

    public PipelineAssembler(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * @throws PipelineException when a provider is unknown or its {@code create} fails; a {@link ConfigException}
     *                           from a provider passes through with its own message (it already names the key)
     */
    public Pipeline assemble(PipelineDefinition definition) {
        PipelineValidator.check(definition, registry);
        List<AutoCloseable> created = new ArrayList<>();
        try {
            DenoiseEngine denoise = create(definition, ComponentKind.DENOISE, DenoiseEngine.class, created);
            VadEngine vad = create(definition, ComponentKind.VAD, VadEngine.class, created);
            SttEngine stt = create(definition, ComponentKind.STT, SttEngine.class, created);
            TurnDetector turn = create(definition, ComponentKind.TURN, TurnDetector.class, created);
            LlmEngine llm = create(definition, ComponentKind.LLM, LlmEngine.class, created);
            TtsEngine tts = create(definition, ComponentKind.TTS, TtsEngine.class, created);
            return new Pipeline(definition.name(), definition.variant(), definition.sampleRate(),
                    definition.overlap(), vad, stt, turn, llm, tts, definition.session(), vadTiming(definition),
                    earlyFinal(definition), llmWaits(definition), narrowband(definition), denoise);
        } catch (RuntimeException e) {
            closeQuietly(created);
            throw e;
        }
    }

    /** The segmenter keys ({@code min_speech_ms}, {@code hangover_ms}) every vad stage accepts. */
    public static VadTiming vadTiming(PipelineDefinition definition) {
        StageDefinition stage = definition.stage(ComponentKind.VAD);
        return stage == null ? VadTiming.DEFAULTS : VadTiming.from(stage.config());
    }

    /** The speculative-final key ({@code early_final_ms}) every stt stage accepts. */
    public static EarlyFinalPolicy earlyFinal(PipelineDefinition definition) {
        StageDefinition stage = definition.stage(ComponentKind.STT);
        return stage == null ? EarlyFinalPolicy.DEFAULTS : EarlyFinalPolicy.from(stage.config());
    }

    /** The narrowband-input key ({@code narrowband}) every stt stage accepts. */
    public static NarrowbandInput narrowband(PipelineDefinition definition) {
        StageDefinition stage = definition.stage(ComponentKind.STT);
        return stage == null ? NarrowbandInput.LOWPASS : NarrowbandInput.from(stage.config());
    }

    /** The LLM wait keys ({@code first_token_timeout_ms}, {@code stall_timeout_ms}) every llm stage accepts. */
    public static LlmWaits llmWaits(PipelineDefinition definition) {
        StageDefinition stage = definition.stage(ComponentKind.LLM);
        return stage == null ? LlmWaits.SERVER_DEFAULTS : LlmWaits.from(stage.config());
    }

    /** The pipeline's router, or null when it declares none. */
    public Router createRouter(PipelineDefinition definition) {
        StageDefinition stage = definition.routerStage();
        if (stage == null) {
            return null;
        }
        PipelineValidator.check(definition, registry);
        return instantiate(stage, Router.class);
    }

    private <E> E create(PipelineDefinition definition, ComponentKind kind, Class<E> type, List<AutoCloseable> created) {
        StageDefinition stage = definition.stage(kind);
        if (stage == null) {
            return null;
        }
        E engine = instantiate(stage, type);
        if (engine instanceof AutoCloseable c) {
            created.add(c);
        }
        return engine;
    }

    private <E> E instantiate(StageDefinition stage, Class<E> type) {
        RegisteredProvider provider = registry.require(stage.kind(), stage.provider());
        Object engine;
        try {
            engine = registry.create(provider, stage.config());
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PipelineException(stage.source() + ": " + stage.kind().yamlKey() + " provider '" + stage.provider()
                    + "' (" + provider.origin().label() + ") failed to start: " + e, e);
        }
        if (!type.isInstance(engine)) {
            throw new PipelineException(stage.source() + ": " + stage.kind().yamlKey() + " provider '" + stage.provider()
                    + "' returned " + (engine == null ? "nothing" : engine.getClass().getName()) + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(engine);
    }

    private static void closeQuietly(List<AutoCloseable> created) {
        for (AutoCloseable c : created.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the original failure is what the user needs to see
            }
        }
    }
}
