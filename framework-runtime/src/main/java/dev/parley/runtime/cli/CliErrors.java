package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Turns exceptions into one clear line on stderr and an exit code: configuration and usage errors exit 2, anything
 * else 1. Stack traces only with {@code --verbose}: a user who mistyped a key needs the key, not a trace.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final BooleanSupplier verbose;

    CliErrors(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        ConfigException config = findConfigException(e);
        if (config != null) {
            err.println("parley: " + config.getMessage());
        } else {
            err.println("parley: unexpected error: " + e + (verbose.getAsBoolean() ? "" : " (--verbose shows details)"));
        }
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return config != null ? ExitCodes.CONFIG : ExitCodes.FAILURE;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("parley: " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.CONFIG;
    }

    private static ConfigException findConfigException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        return null;
    }
}
