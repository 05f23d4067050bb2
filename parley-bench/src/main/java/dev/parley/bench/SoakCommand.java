package dev.parley.bench;

import dev.parley.api.ConfigException;
import dev.parley.runtime.cli.ContributedCommand;
import dev.parley.runtime.cli.ExitCodes;
import dev.parley.runtime.cli.PluginsDirOption;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley soak}: the bounded soak ({@link Soak}) against a server in this JVM. Exit code 1 when an event
 * was lost, an error answered nothing the client did wrong, or the server closed a connection.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Real-time sessions with turns, barge-ins, bad input and slow readers; reports lost events, "
                + "errors, heap after GC, threads and fds.")
public final class SoakCommand implements Callable<Integer>, ContributedCommand {
    @Option(names = "--sessions", defaultValue = "8", description = "Concurrent sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--minutes", defaultValue = "2", description = "How long (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--pipeline", defaultValue = "bench",
            description = "Pipeline; 'bench' is the zero-cost one (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--sample-seconds", defaultValue = "30",
            description = "Heap, threads and fds sampled this often (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || minutes < 1 || sampleSeconds < 1) {
            throw new ConfigException("--sessions, --minutes and --sample-seconds must be 1 or more");
        }
        BenchCommand.quietSessionLogs();
        try (Pipeline p = BenchServer.assemble(pipeline, plugins.load().registry())) {
            Soak.Result r = Soak.run(p, sessions, minutes, sampleSeconds, spec.commandLine().getOut());
            return r.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
