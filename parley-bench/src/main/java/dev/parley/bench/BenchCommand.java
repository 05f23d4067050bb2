package dev.parley.bench;

import dev.parley.api.ConfigException;
import dev.parley.runtime.cli.ContributedCommand;
import dev.parley.runtime.cli.ExitCodes;
import dev.parley.runtime.cli.PluginsDirOption;
import dev.parley.runtime.plugins.PluginsDirectory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley bench}: latency and capacity benchmark over real WebSockets against servers started in this JVM;
 * prints Markdown tables. Exit code 1 when a section could not run. It lives outside the server jar and joins the
 * {@code parley} command line as a {@link ContributedCommand} when this module's jar is on the class path (the
 * launcher puts it there for every command but {@code serve}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure time to first audio, streaming vs turn-based, barge-in, capacity and idle heap.")
public final class BenchCommand implements Callable<Integer>, ContributedCommand {
    @Option(names = "--turns", defaultValue = "24", description = "Spoken turns for time to first audio (default: ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--repeats", defaultValue = "5", description = "Runs per mode (streaming vs turn-based); barge-in runs 2x this per onset (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--sessions", split = ",", defaultValue = "50,100,200,400,600,800,1000",
            description = "Concurrent-session steps with the zero-cost components (default: ${DEFAULT-VALUE}).")
    List<Integer> sessions;

    @Option(names = "--real-sessions", split = ",", defaultValue = "1,2,4,8,12,16",
            description = "N for the real pipeline: simultaneous speakers (section speakers) and the event-lag steps (capacity-real) (default: ${DEFAULT-VALUE}).")
    List<Integer> realSessions;

    @Option(names = "--idle-sessions", defaultValue = "500", description = "Sessions for the idle-heap figure (default: ${DEFAULT-VALUE}).")
    int idleSessions;

    @Option(names = "--step-seconds", defaultValue = "15", description = "Measured seconds per capacity step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--budget-seconds", defaultValue = "300", description = "Time bound of each capacity run (default: ${DEFAULT-VALUE}).")
    int budgetSeconds;

    @Option(names = "--pipeline", defaultValue = "default", description = "Pipeline for the latency sections (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--capacity-pipeline", defaultValue = "bench", description = "Zero-cost pipeline for capacity (default: ${DEFAULT-VALUE}).")
    String capacityPipeline;

    @Option(names = "--quick", description = "A short run (few turns, small N): checks the bench works, numbers are rough.")
    boolean quick;

    @Option(names = "--chunk-ms", defaultValue = "20",
            description = "Audio per append in the capacity sections, ms (default: ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections: ttfa, ttfa-ab, cpu, speakers, overlap, bargein, capacity, capacity-real, heap, "
                    + "telemetry, telemetry-zero, grpc, webrtc (default: all but ttfa-ab, cpu, webrtc and telemetry-zero).")
    List<String> only = new java.util.ArrayList<>();

    @Option(names = "--variants", split = ",", paramLabel = "LABEL=PIPELINE[;PROP=VALUE]",
            description = "Configurations compared side by side, turns interleaved, by section ttfa-ab.")
    List<String> variants = new java.util.ArrayList<>();

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        quietSessionLogs();
        for (String s : only) {
            if (!Bench.SECTIONS.contains(s)) {
                throw new ConfigException("--only: unknown section '" + s + "'; sections: "
                        + String.join(", ", Bench.SECTIONS));
            }
        }
        BenchSettings settings = quick ? BenchSettings.quick(pipeline, capacityPipeline, only)
                : new BenchSettings(pipeline, capacityPipeline, turns, repeats, BenchSettings.bargeInTrials(repeats),
                        sessions, realSessions, idleSessions, stepSeconds, budgetSeconds, 200, chunkMs, only, variants);
        int failed = Bench.run(settings, plugins.load().registry(), PluginsDirectory.home(),
                spec.commandLine().getOut());
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Hundreds of sessions open and close: their per-session INFO lines would bury the tables. */
    static void quietSessionLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            for (String name : new String[] {"dev.parley.runtime.server", "dev.parley.runtime.realtime"}) {
                ctx.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
