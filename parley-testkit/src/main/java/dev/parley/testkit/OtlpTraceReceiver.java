package dev.parley.testkit;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver on 127.0.0.1 for tests that check what Parley exports: {@code POST /v1/traces} is
 * decoded with the OpenTelemetry proto classes (protobuf, as the SDK's exporter sends) and every span kept, in
 * arrival order. opentelemetry-proto is an optional dependency of the testkit: a test module that uses this class
 * declares it at test scope.
 */
public final class OtlpTraceReceiver implements AutoCloseable {
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    /** A receiver listening on an ephemeral port of 127.0.0.1. */
    public static OtlpTraceReceiver start() throws IOException {
        OtlpTraceReceiver r = new OtlpTraceReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        r.server.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                r.contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
                req.getResourceSpansList().forEach(rs -> rs.getScopeSpansList()
                        .forEach(ss -> r.spans.addAll(ss.getSpansList())));
            }
            byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        r.server.start();
        return r;
    }

    /** The base URL to give an OTLP/HTTP exporter ({@code --otlp-endpoint}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span received so far; a live, thread-safe view that grows as exports arrive. */
    public List<Span> spans() {
        return spans;
    }

    /** The Content-Type of each export request, in arrival order. */
    public List<String> contentTypes() {
        return contentTypes;
    }

    /** The attribute {@code key} of {@code span} as text (string, bool, int or double), if it has one. */
    public static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
                .map(kv -> text(kv.getValue()));
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            default -> v.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
