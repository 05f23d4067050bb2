package dev.parley.runtime.cli;

import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.pipeline.PipelineValidator;
import dev.parley.runtime.pipeline.StageDefinition;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.routing.ExperimentLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code parley pipelines validate FILE}: parses the file (structure, placeholders), checks every provider it names
 * is installed, every config key is one its provider declares (with a value of the declared type), and runs each
 * provider's resource checks (model present, voice installed, URL well formed) as {@code serve} meets them; for an
 * A/B experiment, also its router and every variant's overrides. No stage engine is created. Exit 0 when valid,
 * 2 with the problems otherwise. What the file relies on but this machine lacks (a user-supplied model whose
 * environment variable is unset) is printed as a warning: the file is right, {@code serve} fails until it is there.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a pipeline file: YAML structure, ${ENV} placeholders, that its providers exist, their"
                + " config keys, and the resources they need (models, voices, URLs).")
final class PipelinesValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The pipeline YAML file.")
    Path file;

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PipelineDefinition definition = new PipelineParser().parse(file);
        ComponentRegistry registry = plugins.load().registry();
        Set<String> warnings = new LinkedHashSet<>(PipelineValidator.checkResources(definition, registry));
        List<String> variants = new ExperimentLoader(registry).validate(definition, warnings::add);
        List<String> stages = new ArrayList<>();
        for (StageDefinition stage : definition.stages().values()) {
            stages.add(stage.kind().yamlKey() + "=" + stage.provider());
        }
        if (definition.routerStage() != null) {
            stages.add("router=" + definition.routerStage().provider());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(definition.source() + ": ok, pipeline '" + definition.name() + "' (" + String.join(", ", stages) + ")"
                + (variants.isEmpty() ? "" : ", variants " + String.join(", ", variants)));
        for (String warning : warnings) {
            out.println("warning: serve needs what this machine lacks: " + warning);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
