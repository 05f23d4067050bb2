package dev.parley.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley pipelines ...}: work with pipeline YAML files. */
@Command(name = "pipelines", mixinStandardHelpOptions = true, description = "Work with pipeline YAML files.",
        subcommands = PipelinesValidateCommand.class)
final class PipelinesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
