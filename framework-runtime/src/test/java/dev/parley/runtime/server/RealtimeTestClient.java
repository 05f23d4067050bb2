package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A plain JDK WebSocket client that queues every server event for strict-order assertions. */
final class RealtimeTestClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Field the client adds to each event: {@link System#nanoTime()} at arrival. */
    static final String RECEIVED_NANOS = "_received_nanos";

    /** How the server closed. */
    record Close(int code, String reason) {
    }

    final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    private final WebSocket ws;

    private RealtimeTestClient(URI uri, Map<String, String> headers, List<String> subprotocols, SSLContext ssl)
            throws Exception {
        HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            hb.sslContext(ssl);
        }
        WebSocket.Builder b = hb.build().newWebSocketBuilder();
        headers.forEach(b::header);
        if (!subprotocols.isEmpty()) {
            b.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        ws = b.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    static RealtimeTestClient connect(String url) throws Exception {
        return new RealtimeTestClient(URI.create(url), Map.of(), List.of(), null);
    }

    static RealtimeTestClient connect(String url, Map<String, String> headers, List<String> subprotocols)
            throws Exception {
        return new RealtimeTestClient(URI.create(url), headers, subprotocols, null);
    }

    static RealtimeTestClient connect(String url, SSLContext ssl) throws Exception {
        return new RealtimeTestClient(URI.create(url), Map.of(), List.of(), ssl);
    }

    String subprotocol() {
        return ws.getSubprotocol();
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    /** Sends without waiting: the server may close while a huge message is still going out. */
    void sendUnconfirmed(String json) {
        ws.sendText(json, true).exceptionally(t -> null);
    }

    void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    JsonNode next() throws InterruptedException {
        JsonNode e = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "no server event within 10 s");
        return e;
    }

    /** The next event, asserting its type. */
    JsonNode expect(String type) throws InterruptedException {
        JsonNode e = next();
        assertEquals(type, e.path("type").asText(), () -> "unexpected event " + e);
        return e;
    }

    /** Types of the next events up to and including {@code last}. */
    List<String> typesThrough(String last) throws InterruptedException {
        List<String> types = new ArrayList<>();
        for (JsonNode e : eventsThrough(last)) {
            types.add(e.path("type").asText());
        }
        return types;
    }

    List<JsonNode> eventsThrough(String last) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            JsonNode e = next();
            out.add(e);
            if (e.path("type").asText().equals(last)) {
                return out;
            }
        }
    }

    /** Skips events until one of {@code type} arrives. */
    JsonNode await(String type) throws InterruptedException {
        while (true) {
            JsonNode e = next();
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
    }

    /** Asserts nothing arrives for {@code ms}. */
    void expectSilence(long ms) throws InterruptedException {
        JsonNode e = events.poll(ms, TimeUnit.MILLISECONDS);
        if (e != null) {
            throw new AssertionError("unexpected event " + e);
        }
    }

    Close awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(1000, "").exceptionally(t -> null);
        }
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode event = JSON.readTree(partial.toString());
                    if (event instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                        o.put(RECEIVED_NANOS, System.nanoTime()); // for benchmarks; not part of the protocol
                    }
                    events.add(event);
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
