package dev.parley.runtime.server;


import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A plain JDK WebSocket client that queues every server event for strict-order assertions. */
final class RealtimeTestClient extends EventStreamClient {
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

    @Override
    void send(String json) {
        ws.sendText(json, true).join();
    }

    /** Sends without waiting: the server may close while a huge message is still going out. */
    @Override
    void sendUnconfirmed(String json) {
        ws.sendText(json, true).exceptionally(t -> null);
    }

    @Override
    void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    @Override
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
