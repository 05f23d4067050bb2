package dev.parley.runtime.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;

/**
 * Every {@code parley} subcommand, in help order: the runtime's own, then the {@link ContributedCommand}s found on
 * the class path (e.g. {@code bench}), by name. Adding a runtime command is one line here: a class annotated with
 * picocli's {@code @Command} (or an instance of one).
 */
final class Subcommands {
    private static final List<Object> BUILT_IN = List.of(
            ServeCommand.class,
            PluginsCommand.class,
            PipelinesCommand.class,
            ExperimentsCommand.class);

    private Subcommands() {
    }

    /** The runtime's commands, then a fresh instance of each contributed one. */
    static List<Object> all() {
        List<Object> contributed = new ArrayList<>();
        ServiceLoader.load(ContributedCommand.class, Subcommands.class.getClassLoader()).forEach(contributed::add);
        contributed.sort(Comparator.comparing(c -> c.getClass().getAnnotation(Command.class).name()));
        List<Object> all = new ArrayList<>(BUILT_IN);
        all.addAll(contributed);
        return all;
    }
}
