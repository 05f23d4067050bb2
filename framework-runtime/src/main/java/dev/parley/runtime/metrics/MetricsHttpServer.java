package dev.parley.runtime.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * {@code --metrics-port}: {@code GET /metrics} on a port of its own (scrapers kept off the public port), served by
 * the JDK's HTTP server on one virtual thread per request.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private final HttpServer http;

    private MetricsHttpServer(HttpServer http) {
        this.http = http;
    }

    public static MetricsHttpServer start(String host, int port, ParleyMetrics metrics) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
        http.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod()) || !"/metrics".equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders("GET".equals(exchange.getRequestMethod()) ? 404 : 405, -1);
                    return;
                }
                ParleyMetrics.Exposition e = metrics.scrape(exchange.getRequestHeaders().getFirst("Accept"));
                exchange.getResponseHeaders().set("Content-Type", e.contentType());
                exchange.sendResponseHeaders(200, e.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(e.body());
                }
            }
        });
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return new MetricsHttpServer(http);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
