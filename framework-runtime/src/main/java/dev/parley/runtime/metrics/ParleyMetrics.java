package dev.parley.runtime.metrics;

import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.SessionTaps;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server's metrics: the Prometheus registry with the JVM and GC binders, the gauges of live sessions, and a
 * {@link SessionTaps} that opens one {@link SessionMetrics} per session. Thread-safe. Close it to release the
 * GC binder's listeners.
 */
public final class ParleyMetrics implements SessionTaps, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Live sessions per (transport, pipeline, variant); each entry backs one gauge. */
    private final Map<SessionKey, AtomicInteger> active = new ConcurrentHashMap<>();

    /** Who a session counts as: its labels on the session gauges and counters. */
    record SessionKey(String transport, String pipeline, String variant) {
        Tags tags() {
            return Tags.of("transport", transport, "pipeline", pipeline, "variant", variant);
        }
    }

    public ParleyMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Exposes refused connections as {@code parley_connections_refused_total{reason}}, read from the transport's
     * own counters at scrape time.
     */
    public void bindRefusals(Map<String, LongAdder> byReason) {
        byReason.forEach((reason, adder) -> FunctionCounter.builder("parley.connections.refused", adder,
                        LongAdder::sum)
                .description("Connections refused at the handshake or cut by the transport, by reason")
                .tag("reason", reason).register(registry));
    }

    @Override
    public SessionTap open(String transport, SessionIdentity identity, Pipeline pipeline) {
        return new SessionMetrics(this, transport, identity, pipeline);
    }

    /** A session of {@code key} started (counted once, shown on the gauge until {@link #left}). */
    void joined(SessionKey key, boolean newSession) {
        active.computeIfAbsent(key, k -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("parley.sessions.active", n, AtomicInteger::get)
                    .description("Live sessions").tags(k.tags()).register(registry);
            return n;
        }).incrementAndGet();
        if (newSession) {
            registry.counter("parley.sessions", key.tags()).increment();
        }
    }

    void left(SessionKey key) {
        AtomicInteger n = active.get(key);
        if (n != null) {
            n.decrementAndGet();
        }
    }

    /** Live sessions by {@code pipeline/variant} (the variant is "-" for a pipeline without variants). */
    public Map<String, Integer> activeByVariant() {
        Map<String, Integer> out = new TreeMap<>();
        active.forEach((k, n) -> out.merge(k.pipeline() + "/" + k.variant(), n.get(), Integer::sum));
        return out;
    }

    /** The Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The exposition {@code accept} asks for, as Prometheus negotiates it: protobuf, OpenMetrics, else the text
     * format.
     */
    public Exposition scrape(String accept) {
        String type = accept == null ? TEXT
                : accept.contains("application/vnd.google.protobuf") ? PROTOBUF
                : accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exposition(type, body.toByteArray());
    }

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
            + "encoding=delimited";

    /** A scrape: its content type and bytes. */
    public record Exposition(String contentType, byte[] body) {
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
