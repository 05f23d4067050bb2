package dev.parley.runtime.tracing;

import dev.parley.runtime.pipeline.Pipeline;

/**
 * The LLM stage of a pipeline as a trace names it.
 *
 * @param provider the YAML provider id (e.g. {@code openai}, {@code rules})
 * @param model    the configured model, or null when the stage names none
 */
public record LlmLabel(String provider, String model) {
    /** Names a pipeline's LLM stage; the default knows only the engine. */
    @FunctionalInterface
    public interface Resolver {
        Resolver ENGINE_CLASS = p -> new LlmLabel(p.llm() == null ? "none" : p.llm().getClass().getSimpleName(),
                null);

        LlmLabel of(Pipeline pipeline);
    }
}
