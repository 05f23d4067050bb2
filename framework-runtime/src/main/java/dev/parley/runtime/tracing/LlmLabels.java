package dev.parley.runtime.tracing;

import dev.parley.api.ComponentKind;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.StageDefinition;

/** The LLM labels of a served pipeline, from its YAML: the llm stage's provider id and {@code model} key. */
public final class LlmLabels {
    private LlmLabels() {
    }

    /**
     * Names the base pipeline's LLM from {@code definition}; a variant of an experiment (which may swap the LLM)
     * is named by its engine's class.
     */
    public static LlmLabel.Resolver of(PipelineDefinition definition) {
        StageDefinition llm = definition.stage(ComponentKind.LLM);
        if (llm == null) {
            return LlmLabel.Resolver.ENGINE_CLASS;
        }
        LlmLabel base = new LlmLabel(llm.provider(), llm.config().string("model").orElse(null));
        return p -> p.variant() == null ? base : LlmLabel.Resolver.ENGINE_CLASS.of(p);
    }
}
