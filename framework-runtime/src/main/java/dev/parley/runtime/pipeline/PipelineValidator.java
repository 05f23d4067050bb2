package dev.parley.runtime.pipeline;

import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.RegisteredProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a pipeline against the installed providers, reporting every problem at once: each provider it names is
 * installed, each stage's config keys are ones its provider declares, with values of the declared types
 * ({@link #check}, run by {@code validate} and before {@code serve} assembles); and, for {@code validate}, the
 * providers' resource checks that {@code serve} meets when it creates the engines ({@link #checkResources}).
 */
public final class PipelineValidator {
    private PipelineValidator() {
    }

    /**
     * @throws PipelineException one line per unknown provider (naming file:line, key and the available ids),
     *                           unknown config key (with a "did you mean") or value of the wrong type
     */
    public static void check(PipelineDefinition definition, ComponentRegistry registry) {
        List<String> problems = new ArrayList<>();
        String inVariant = definition.variant() == null ? "" : " in variant " + definition.variant();
        for (StageDefinition stage : stages(definition)) {
            Optional<RegisteredProvider> provider = registry.find(stage.kind(), stage.provider());
            if (provider.isEmpty()) {
                problems.add(stage.source() + ".provider: unknown " + stage.kind().yamlKey() + " provider '"
                        + stage.provider() + "'" + inVariant + "; " + registry.describeAvailable(stage.kind()));
            } else {
                new StageConfigCheck(definition, stage, provider.get().provider()).keys(problems);
            }
        }
        fail(problems);
    }

    /**
     * Runs {@link #check}, then every stage provider's {@code check(config, context)} with the registry's context
     * (a model file present, a voice installed, a URL usable) without creating any engine.
     *
     * @return what this machine lacks though the file is right (a user-supplied model not configured, a
     *         prerequisite not fetched): {@code serve} fails on these until they are provided
     * @throws PipelineException one line per problem in the file
     */
    public static List<String> checkResources(PipelineDefinition definition, ComponentRegistry registry) {
        check(definition, registry);
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (StageDefinition stage : stages(definition)) {
            RegisteredProvider provider = registry.require(stage.kind(), stage.provider());
            new StageConfigCheck(definition, stage, provider.provider())
                    .resources(registry.context(), problems, warnings);
        }
        fail(problems);
        return List.copyOf(warnings);
    }

    private static List<StageDefinition> stages(PipelineDefinition definition) {
        List<StageDefinition> stages = new ArrayList<>(definition.stages().values());
        if (definition.routerStage() != null) {
            stages.add(definition.routerStage());
        }
        return stages;
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new PipelineException(String.join(System.lineSeparator(), problems));
        }
    }
}
