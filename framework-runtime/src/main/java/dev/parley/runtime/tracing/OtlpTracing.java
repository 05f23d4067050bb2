package dev.parley.runtime.tracing;

import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.SessionTaps;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's traces: the OpenTelemetry SDK with an OTLP span exporter, configured from {@code --otlp-endpoint}
 * and the standard {@code OTEL_*} variables (which win, as the SDK's autoconfigure orders them). Built only when
 * an endpoint is configured ({@link #configure}); otherwise the server has no SDK object at all and its sessions
 * get {@link SessionTap#NONE}. Opens one {@link SessionTrace} per session. Close it to flush the last spans.
 */
public final class OtlpTracing implements SessionTaps, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OtlpTracing.class);
    static final String SCOPE = "dev.parley.runtime";

    /** Which sessions are traced. */
    public enum Sessions {
        /** Those whose {@code tracing} field is {@code "auto"} or a workflow (OpenAI's semantics). */
        REQUESTED,
        /** Every session; the {@code tracing} field only names the workflow. */
        ALL
    }

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;
    private final TraceClock clock = new TraceClock(Clock.systemUTC());
    private final Sessions sessions;
    private final LlmLabel.Resolver labels;

    OtlpTracing(OpenTelemetrySdk sdk, Sessions sessions, LlmLabel.Resolver labels) {
        this.sdk = sdk;
        this.tracer = sdk.getTracer(SCOPE);
        this.sessions = sessions;
        this.labels = labels;
    }

    /**
     * The tracing the options and environment ask for, or empty when no OTLP endpoint is configured (neither
     * {@code endpoint} nor {@code OTEL_EXPORTER_OTLP_ENDPOINT} / {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), or
     * when {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none}.
     *
     * @param endpoint the collector's base URL (OTLP/HTTP, {@code /v1/traces} is appended), or null
     */
    public static Optional<OtlpTracing> configure(String endpoint, Sessions sessions, LlmLabel.Resolver labels,
                                                  Map<String, String> env) {
        boolean fromEnv = env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        if (endpoint == null && !fromEnv || "true".equalsIgnoreCase(env.get("OTEL_SDK_DISABLED"))
                || "none".equalsIgnoreCase(env.get("OTEL_TRACES_EXPORTER"))) {
            return Optional.empty();
        }
        Map<String, String> defaults = new HashMap<>();
        defaults.put("otel.service.name", "parley");
        defaults.put("otel.traces.exporter", "otlp");
        defaults.put("otel.metrics.exporter", "none"); // metrics are Prometheus' (/metrics)
        defaults.put("otel.logs.exporter", "none");
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        defaults.put("otel.bsp.schedule.delay", "1000");
        Map<String, String> overrides = new HashMap<>();
        if (endpoint != null) {
            overrides.put("otel.exporter.otlp.traces.endpoint", endpoint.replaceAll("/+$", "") + "/v1/traces");
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .addPropertiesCustomizer(c -> overrides)
                .disableShutdownHook()
                .build().getOpenTelemetrySdk();
        log.info("Tracing: OTLP spans to {} ({} sessions)", endpoint != null ? endpoint
                : env.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", env.get("OTEL_EXPORTER_OTLP_ENDPOINT")),
                sessions.name().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(new OtlpTracing(sdk, sessions, labels));
    }

    @Override
    public SessionTap open(String transport, SessionIdentity identity, Pipeline pipeline) {
        return new SessionTrace(tracer, clock, transport, identity, pipeline, labels, sessions == Sessions.ALL);
    }

    /** Exports what is buffered now (tests; the batch processor otherwise sends every second). */
    public void flush() {
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
    }
}
