package dev.parley.bench;

import dev.parley.api.ConfigException;
import dev.parley.runtime.cli.ContributedCommand;
import dev.parley.runtime.cli.ExitCodes;
import dev.parley.runtime.cli.PluginsDirOption;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley replay RECORDING [--pipeline P | --variant V]… [--speed realtime|max]}: re-runs recorded sessions
 * through a pipeline over a real WebSocket to a server in this JVM and prints them side by side with the
 * recording; with a folder of recordings or several pipelines/variants, the offline A/B table. Exit code 1 when
 * a replay differs from its recording and only one target (the recorded pipeline) was asked for; 0 otherwise.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay recorded sessions (serve --record-dir) through a pipeline and compare; A/B offline.")
public final class ReplayCommand implements Callable<Integer>, ContributedCommand {
    @Parameters(index = "0", paramLabel = "RECORDING", description = "A recording folder, or a folder of them.")
    Path recording;

    @Option(names = "--pipeline", paramLabel = "NAME|FILE",
            description = "Pipeline to replay through (repeatable: an A/B table). Default: the recorded one.")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "V",
            description = "Variant of the (recorded or given) A/B pipeline (repeatable: an A/B table).")
    List<String> variants = new ArrayList<>();

    @Option(names = "--speed", defaultValue = "realtime", paramLabel = "realtime|max",
            description = "realtime keeps the recorded pacing; max sends as fast as the server takes it "
                    + "(default: ${DEFAULT-VALUE}).")
    String speed;

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!speed.equals("realtime") && !speed.equals("max")) {
            throw new ConfigException("--speed must be realtime or max, got " + speed);
        }
        if (!Files.isDirectory(recording)) {
            throw new ConfigException("no recording folder " + recording);
        }
        if (Recording.find(recording).isEmpty()) {
            throw new ConfigException(recording + " holds no recording (a folder with manifest.json)");
        }
        List<Replayer.Target> targets = targets(pipelines, variants);
        PrintWriter out = spec.commandLine().getOut();
        try (Replayer replayer = new Replayer(plugins.load().registry(), speed.equals("realtime"))) {
            List<ReplayComparison> all = replayer.replayAll(recording, targets);
            boolean one = Recording.find(recording).size() == 1;
            for (ReplayComparison c : all) {
                if (one) {
                    c.print(out);
                } else {
                    out.println(c.session() + " on " + c.label() + ": " + c.differences().size()
                            + " differences, WER " + ReplayComparison.fmt(c.werPercent()) + " %");
                    c.differences().forEach(d -> out.println("  - " + d));
                }
            }
            if (all.size() > 1) {
                ReplayTable.print(out, all);
            }
            boolean sameAsRecorded = pipelines.isEmpty() && variants.isEmpty();
            return sameAsRecorded && all.stream().anyMatch(c -> !c.differences().isEmpty())
                    ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    static List<Replayer.Target> targets(List<String> pipelines, List<String> variants) {
        List<Replayer.Target> t = new ArrayList<>();
        if (pipelines.isEmpty() && variants.isEmpty()) {
            t.add(new Replayer.Target(null, null));
        } else if (pipelines.isEmpty()) {
            variants.forEach(v -> t.add(new Replayer.Target(null, v)));
        } else if (variants.size() <= 1) {
            pipelines.forEach(p -> t.add(new Replayer.Target(p, variants.isEmpty() ? null : variants.get(0))));
        } else {
            pipelines.forEach(p -> variants.forEach(v -> t.add(new Replayer.Target(p, v))));
        }
        return t;
    }
}
