package dev.parley.runtime.cli;

import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.tracing.LlmLabels;
import dev.parley.runtime.tracing.OtlpTracing;
import dev.parley.api.ConfigException;
import picocli.CommandLine.Option;

/** {@code serve}'s trace and log options: OpenTelemetry export (off unless asked for) and the log line format. */
final class TelemetryOptions {
    @Option(names = "--otlp-endpoint", paramLabel = "URL",
            description = "Export OpenTelemetry traces over OTLP/HTTP to this collector (e.g. http://127.0.0.1:4318); "
                    + "the OTEL_* variables also configure it. Default: off (no tracing objects are created).")
    String otlpEndpoint;

    @Option(names = "--trace-sessions", defaultValue = "requested", paramLabel = "requested|all",
            description = "With tracing configured: trace the sessions whose 'tracing' is \"auto\" or a workflow "
                    + "(requested, default), or every session (all).")
    String traceSessions;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "text|json",
            description = "Log lines on stderr: text (default) or json (one object per line, with session_id and "
                    + "response_id).")
    String logFormat;

    /** Switches the log lines to {@code --log-format} before anything logs. */
    void applyLogFormat() {
        LogFormat.parse(logFormat).apply();
    }

    /** The traces --otlp-endpoint or OTEL_* ask for, or null: then no tracing object exists at all. */
    OtlpTracing tracing(PipelineDefinition definition) {
        OtlpTracing.Sessions which = switch (traceSessions) {
            case "requested" -> OtlpTracing.Sessions.REQUESTED;
            case "all" -> OtlpTracing.Sessions.ALL;
            default -> throw new ConfigException("--trace-sessions must be requested or all, got " + traceSessions);
        };
        return OtlpTracing.configure(otlpEndpoint, which, LlmLabels.of(definition), System.getenv()).orElse(null);
    }

    static void close(OtlpTracing tracing) {
        if (tracing != null) {
            tracing.close();
        }
    }
}
