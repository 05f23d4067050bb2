package dev.parley.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code parley} command line. Subcommands are listed in {@link Subcommands}. Exit codes: 0 ok, 2 usage or
 * configuration error (one clear line on stderr; {@code --verbose} adds the stack trace), 1 unexpected failure.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "Parley " + ParleyCli.VERSION,
        description = "Realtime voice-agent server speaking the OpenAI Realtime protocol.")
public final class ParleyCli implements Runnable {
    /** Parley's version (CLI --version, the status endpoint). */
    public static final String VERSION = "0.1.0";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces and debug details on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: every subcommand, error handling and exit codes. */
    public static CommandLine commandLine() {
        ParleyCli root = new ParleyCli();
        CommandLine cli = new CommandLine(root);
        for (Object sub : Subcommands.all()) {
            cli.addSubcommand(sub);
        }
        CliErrors errors = new CliErrors(() -> root.verbose);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
