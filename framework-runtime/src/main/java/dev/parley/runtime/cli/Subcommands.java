package dev.parley.runtime.cli;

import java.util.List;

/**
 * Every {@code parley} subcommand, in help order. Adding a command is one line here: a class annotated with
 * picocli's {@code @Command} (or an instance of one).
 */
final class Subcommands {
    static final List<Object> ALL = List.of(
            ServeCommand.class,
            PluginsCommand.class,
            PipelinesCommand.class,
            ExperimentsCommand.class,
            BenchCommand.class);

    private Subcommands() {
    }
}
