package dev.parley.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parley} command line. Subcommands are added as their issues land. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "Parley 0.1.0",
        description = "Realtime voice-agent server speaking the OpenAI Realtime protocol.")
public final class ParleyCli implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ParleyCli()).execute(args));
    }
}
