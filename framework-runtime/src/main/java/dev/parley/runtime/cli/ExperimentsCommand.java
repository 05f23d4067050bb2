package dev.parley.runtime.cli;

import dev.parley.runtime.routing.ExperimentMetrics;
import dev.parley.runtime.routing.ExperimentReportTable;
import dev.parley.runtime.routing.JournalReader;
import dev.parley.runtime.routing.VariantSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley experiments report}: per-variant turns, time to first audio p50/p90, barge-in rate and errors of
 * A/B experiments, read from the JSON-lines journals the server writes ({@code build/experiments/*.jsonl}).
 */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "A/B experiments: per-variant results.",
        subcommands = {ExperimentsCommand.Report.class})
public final class ExperimentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints one table per experiment journal. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print per-variant results of A/B experiments as a table.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE",
                description = "Journal(s) to report (default: every *.jsonl in --dir).")
        List<Path> files = new ArrayList<>();

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "build/experiments",
                description = "Where the server writes journals (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> journals = files.isEmpty() ? journalsIn(dir) : files;
            if (journals.isEmpty()) {
                out.println("No experiment journals in " + dir + " yet: serve a pipeline with a router "
                        + "(e.g. ./parley serve --pipeline pipelines/ab-test.yaml) and hold some sessions.");
                return 0;
            }
            int status = 0;
            for (Path file : journals) {
                if (!Files.isRegularFile(file)) {
                    err.println("No experiment journal at " + file + " (journals are written to " + dir
                            + "/<experiment>.jsonl while a routed pipeline serves sessions).");
                    status = 1;
                    continue;
                }
                report(file, out);
            }
            out.flush();
            return status;
        }

        private static void report(Path file, PrintWriter out) throws IOException {
            ExperimentMetrics metrics = new ExperimentMetrics();
            JournalReader.Result r = JournalReader.replay(file, metrics);
            String name = r.experiments().isEmpty() ? file.getFileName().toString()
                    : String.join(", ", r.experiments());
            out.println("Experiment " + name + " (" + file + ": " + r.events() + " events"
                    + (r.skipped() > 0 ? ", " + r.skipped() + " unreadable lines skipped" : "") + ")");
            List<VariantSummary> rows = metrics.summaries();
            out.print(ExperimentReportTable.format(rows));
            for (VariantSummary s : rows) {
                if (!s.errorsByCode().isEmpty()) {
                    out.println("  errors of " + s.variant() + ": " + s.errorsByCode());
                }
            }
            out.println("  mean turns per session: " + String.join(", ", rows.stream()
                    .map(s -> s.variant() + " " + (Double.isNaN(s.turnsPerSession()) ? "-"
                            : String.format(java.util.Locale.ROOT, "%.1f", s.turnsPerSession())))
                    .toList()));
            out.println();
        }

        private static List<Path> journalsIn(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
        }
    }
}
