package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client of one session over any transport: it queues every server event, as the WebSocket's JSON, for
 * strict-order assertions, so one conformance test runs over the WebSocket ({@link RealtimeTestClient}) and over
 * gRPC ({@link GrpcTestClient}) alike.
 */
abstract class EventStreamClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Field the client adds to each event: {@link System#nanoTime()} at arrival. */
    static final String RECEIVED_NANOS = "_received_nanos";

    /** How the server closed (WebSocket close code, or for gRPC the status code's number). */
    record Close(int code, String reason) {
    }

    final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();

    /** Sends one client event given as its WebSocket JSON text. */
    abstract void send(String json);

    /** Sends without waiting: the server may close while a huge message is still going out. */
    abstract void sendUnconfirmed(String json);

    abstract void sendBinary(byte[] data);

    abstract Close awaitClose() throws Exception;

    @Override
    public abstract void close();

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

}
