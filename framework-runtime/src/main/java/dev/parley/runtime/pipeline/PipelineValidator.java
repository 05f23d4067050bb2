package dev.parley.runtime.pipeline;

import dev.parley.runtime.plugins.ComponentRegistry;

import java.util.ArrayList;
import java.util.List;

/** Checks that every provider a pipeline names is installed; reports all missing ones at once. */
public final class PipelineValidator {
    private PipelineValidator() {
    }

    /**
     * @throws PipelineException one line per unknown provider, each naming file:line, key and the available ids
     */
    public static void check(PipelineDefinition definition, ComponentRegistry registry) {
        List<String> problems = new ArrayList<>();
        String inVariant = definition.variant() == null ? "" : " in variant " + definition.variant();
        List<StageDefinition> stages = new ArrayList<>(definition.stages().values());
        if (definition.routerStage() != null) {
            stages.add(definition.routerStage());
        }
        for (StageDefinition stage : stages) {
            if (registry.find(stage.kind(), stage.provider()).isEmpty()) {
                problems.add(stage.source() + ".provider: unknown " + stage.kind().yamlKey() + " provider '"
                        + stage.provider() + "'" + inVariant + "; " + registry.describeAvailable(stage.kind()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(String.join(System.lineSeparator(), problems));
        }
    }
}
