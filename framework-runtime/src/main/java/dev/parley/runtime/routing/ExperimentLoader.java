package dev.parley.runtime.routing;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.router.Router;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineException;
import dev.parley.runtime.pipeline.PipelineValidator;
import dev.parley.runtime.pipeline.VariantOverrides;
import dev.parley.runtime.plugins.ComponentRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a pipeline that declares an experiment: validates router and variants, applies each variant's
 * overrides to the base ({@link VariantOverrides}), creates the router with the variants handed
 * in, and assembles the base and every variant once, sharing identical engines ({@link EngineCache}). Everything
 * that can be wrong in the file fails here, at start, naming file, line and key.
 */
public final class ExperimentLoader {
    private static final Logger log = LoggerFactory.getLogger(ExperimentLoader.class);

    private final ComponentRegistry registry;
    private final EnvInterpolator env;

    /** Expands placeholders in variant overrides from the process environment. */
    public ExperimentLoader(ComponentRegistry registry) {
        this(registry, EnvInterpolator.system());
    }

    /** @param env placeholder lookup for the overrides; use the one the base pipeline was parsed with */
    public ExperimentLoader(ComponentRegistry registry, EnvInterpolator env) {
        this.registry = registry;
        this.env = env;
    }

    /**
     * Checks everything {@link #load} would, without creating any engine: the experiment, each variant's
     * overrides, every provider named by base and variants with their config keys and resource checks
     * ({@link PipelineValidator#checkResources}), and the router's config (the router is created: it is
     * cheap). For {@code parley pipelines validate}.
     *
     * @return the variant names in declared order; empty when the pipeline declares no experiment
     * @throws PipelineException or {@link ConfigException} when the experiment is invalid
     */
    public List<String> validate(PipelineDefinition definition) {
        return validate(definition, warning -> { });
    }

    /** As {@link #validate(PipelineDefinition)}, handing each variant's resource warnings to {@code warnings}. */
    public List<String> validate(PipelineDefinition definition, Consumer<String> warnings) {
        ExperimentDefinition experiment = ExperimentDefinition.of(definition);
        if (experiment == null) {
            return List.of();
        }
        Map<String, PipelineDefinition> variants = applyVariants(definition, experiment);
        variants.values().forEach(d -> PipelineValidator.checkResources(d, registry).forEach(warnings));
        createRouter(experiment);
        return List.copyOf(variants.keySet());
    }

    /**
     * @param definition a parsed pipeline with {@code router:} and {@code variants:}
     * @param journalDir where to append {@code <experiment>.jsonl} (e.g. {@code build/experiments}), or null to
     *                   keep results in memory only
     * @throws PipelineException or {@link ConfigException} when the experiment is invalid
     */
    public RoutedPipelineSelector load(PipelineDefinition definition, Path journalDir) {
        ExperimentDefinition experiment = ExperimentDefinition.of(definition);
        if (experiment == null) {
            throw new PipelineException(definition.document().at("router"), "router",
                    "this pipeline declares no experiment; add `router:` and `variants:` or serve it unrouted");
        }
        Map<String, PipelineDefinition> variantDefinitions = applyVariants(definition, experiment);
        Router router = createRouter(experiment);
        EngineCache engines = new EngineCache(registry);
        try {
            Pipeline base = assemble(definition, engines);
            Map<String, Pipeline> variants = new LinkedHashMap<>();
            variantDefinitions.forEach((name, d) -> variants.put(name, assemble(d, engines)));
            String name = experimentName(experiment, definition);
            ExperimentMetrics metrics = new ExperimentMetrics();
            ExperimentJournal journal = journalDir == null ? null : ExperimentJournal.inDirectory(journalDir, name);
            log.info("Pipeline {}: experiment {} with variants {} ({} distinct engines for {} pipelines){}",
                    definition.name(), name, variants.keySet(), engines.size(), variants.size() + 1,
                    journal == null ? "" : "; results go to " + journal.file());
            ExperimentRecorder recorder = journal == null ? metrics : ExperimentRecorder.tee(metrics, journal);
            AutoCloseable resources = () -> {
                engines.close();
                if (journal != null) {
                    journal.close();
                }
            };
            return new RoutedPipelineSelector(definition.name(), name, router, base, variants, metrics, recorder,
                    resources);
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
    }

    private Map<String, PipelineDefinition> applyVariants(PipelineDefinition definition,
                                                          ExperimentDefinition experiment) {
        PipelineValidator.check(definition, registry);
        Map<String, PipelineDefinition> applied = new LinkedHashMap<>();
        for (VariantSpec v : experiment.variants()) {
            PipelineDefinition d = VariantOverrides.apply(definition, v.name(), v.overrides(), v.yamlPath(), env);
            PipelineValidator.check(d, registry);
            applied.put(v.name(), d);
        }
        return applied;
    }

    private Router createRouter(ExperimentDefinition experiment) {
        var stage = experiment.router();
        var provider = registry.require(ComponentKind.ROUTER, stage.provider());
        Object router;
        try {
            router = registry.create(provider, experiment.routerConfig());
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PipelineException(stage.source() + ": router provider '" + stage.provider()
                    + "' failed to start: " + e, e);
        }
        if (!(router instanceof Router r)) {
            throw new PipelineException(stage.source() + ": router provider '" + stage.provider()
                    + "' returned " + (router == null ? "nothing" : router.getClass().getName()) + ", not a Router");
        }
        return r;
    }

    private static String experimentName(ExperimentDefinition experiment, PipelineDefinition definition) {
        return experiment.routerConfig().string("experiment").filter(s -> !s.isBlank()).orElse(definition.name());
    }

    private static Pipeline assemble(PipelineDefinition d, EngineCache engines) {
        return new Pipeline(d.name(), d.variant(), d.sampleRate(), d.overlap(),
                engines.engine(d.stage(ComponentKind.VAD), VadEngine.class),
                engines.engine(d.stage(ComponentKind.STT), SttEngine.class),
                engines.engine(d.stage(ComponentKind.TURN), TurnDetector.class),
                engines.engine(d.stage(ComponentKind.LLM), LlmEngine.class),
                engines.engine(d.stage(ComponentKind.TTS), TtsEngine.class),
                d.session(), PipelineAssembler.vadTiming(d), PipelineAssembler.earlyFinal(d),
                PipelineAssembler.llmWaits(d), PipelineAssembler.narrowband(d),
                engines.engine(d.stage(ComponentKind.DENOISE), DenoiseEngine.class));
    }
}
