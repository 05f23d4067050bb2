package dev.parley.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP endpoint on 127.0.0.1 that takes every export, counts its bytes and answers 200 (an empty
 * {@code ExportTraceServiceResponse} is zero bytes): the bench exports real spans without a collector.
 */
final class OtlpSink implements AutoCloseable {
    private final HttpServer http;
    final AtomicLong exports = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    OtlpSink() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bytes.addAndGet(in.readAllBytes().length);
            }
            exports.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
