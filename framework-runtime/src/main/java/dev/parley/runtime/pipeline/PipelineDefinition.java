package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed and structurally valid pipeline whose components are not created yet: what {@link PipelineParser}
 * returns, what a router turns into variants ({@link VariantOverrides}), and what {@link PipelineAssembler}
 * instantiates. Placeholders in the chosen stages, {@code session}, {@code router} and {@code variants} are
 * expanded.
 *
 * @param name        {@code name:}, else the file name without {@code .yaml}
 * @param variant     the router variant these settings realise, or null for the base pipeline
 * @param source      the file as messages name it, e.g. {@code pipelines/default.yaml}
 * @param sampleRate  internal audio rate for VAD and STT ({@code sample_rate:}, default 16000)
 * @param overlap     {@code overlap:} (default true); false runs turn-based, for benchmarks
 * @param session     the {@code session:} block, handed to the protocol layer as session defaults
 * @param stages      the chosen stage per kind: always vad, stt, llm, tts; turn when declared; never router
 * @param routerStage the {@code router:} block's provider and config, or null when there is no router
 * @param router      the whole {@code router:} block as plain values (empty when absent)
 * @param variants    the {@code variants:} block as plain values (empty when absent)
 * @param document    the file's values and line numbers, for re-parsing with overrides
 */
public record PipelineDefinition(String name, String variant, String source, int sampleRate, boolean overlap,
                                 ComponentConfig session, Map<ComponentKind, StageDefinition> stages,
                                 StageDefinition routerStage, Map<String, Object> router,
                                 Map<String, Object> variants, YamlDocument document) {
    public PipelineDefinition {
        stages = Collections.unmodifiableMap(new EnumMap<>(stages));
        router = Collections.unmodifiableMap(new LinkedHashMap<>(router));
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    /** The stage of {@code kind}, or null when the pipeline has none (only {@code turn} is optional). */
    public StageDefinition stage(ComponentKind kind) {
        return stages.get(kind);
    }

    /**
     * This pipeline with a variant's overrides applied, environment read from the process. See
     * {@link VariantOverrides#apply} for the merge rules.
     */
    public PipelineDefinition withOverrides(String variantName, Map<String, ?> overrides, String yamlPath) {
        return VariantOverrides.apply(this, variantName, overrides, yamlPath, EnvInterpolator.system());
    }
}
