package dev.parley.plugins.langchain4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test scope: an OpenAI-compatible chat-completions endpoint on 127.0.0.1 that answers with whatever the test
 * scripts — SSE chunks with pauses, error statuses, stalls, garbage. It records each request body and notices when
 * the client closes a stream early (the next write fails), which is how the cancel tests see the connection close.
 */
public final class LocalOpenAiServer implements AutoCloseable {
    /** What to do with one request. */
    @FunctionalInterface
    public interface Script {
        void answer(HttpExchange exchange, Sse sse) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Script script;
    public final List<String> requestBodies = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Counts down when a write to a client fails because the client closed the connection. */
    public volatile CountDownLatch clientClosed = new CountDownLatch(1);
    public final AtomicLong clientClosedAtNanos = new AtomicLong();

    public LocalOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to configure, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The server's root URL (for Ollama's /api/chat). */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Request paths in arrival order. */
    public final List<String> paths = new CopyOnWriteArrayList<>();

    public LocalOpenAiServer script(Script s) {
        this.script = s;
        this.clientClosed = new CountDownLatch(1);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Sse sse = new Sse(exchange);
        try {
            script.answer(exchange, sse);
        } catch (IOException e) {
            clientClosedAtNanos.set(System.nanoTime());
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Writes an SSE response chunk by chunk, flushing each so the client sees it at once. */
    public static final class Sse {
        private final HttpExchange exchange;
        private OutputStream out;

        Sse(HttpExchange exchange) {
            this.exchange = exchange;
        }

        public Sse open() throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
            return this;
        }

        public Sse raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        public Sse data(String json) throws IOException {
            return raw("data: " + json + "\n\n");
        }

        public Sse text(String content) throws IOException {
            return data(OpenAiChunks.content(content));
        }

        public Sse finish(String reason) throws IOException {
            data(OpenAiChunks.finish(reason));
            data(OpenAiChunks.usage(7, 5));
            return raw("data: [DONE]\n\n");
        }

        /** Status + JSON body, e.g. an OpenAI error. */
        public void status(int code, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
