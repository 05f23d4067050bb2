package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One benchmark connection over {@link java.net.http.WebSocket}: sends client events (serialised one after the
 * other, as the JDK client requires) and timestamps every server event with {@link System#nanoTime()} when its
 * first fragment arrives. Events whose type {@code keep} rejects are only counted, never assembled, so thousands
 * of audio deltas cost the load client almost nothing.
 */
final class RealtimeClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A server event and the instant its first byte reached the client. */
    record Event(long nanos, String type, String json) {
        JsonNode node() {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("server sent invalid JSON: " + json, e);
            }
        }
    }

    /** Another transport than the WebSocket (the gRPC row); null for the WebSocket. */
    interface Transport {
        void send(String text);

        void close();
    }

    private final Predicate<String> keep;
    private Transport transport;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicLong audioDeltas = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private volatile java.util.function.Consumer<Event> tap = e -> { };
    private long partialNanos;
    private String partialType;
    private boolean discarding;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private volatile long lastAudioDeltaNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    /** A slow reader (soak): no next frame is requested while paused, so the server's output backs up. */
    private boolean paused;
    private boolean requestOwed;
    /** False once the caller only taps events (soak): nothing is queued for {@link #await} any more. */
    private volatile boolean queueing = true;

    private RealtimeClient(Predicate<String> keep) {
        this.keep = keep;
    }

    /** Connects to {@code url}; only events whose type passes {@code keep} are queued. */
    static RealtimeClient connect(HttpClient http, String url, Predicate<String> keep) {
        RealtimeClient c = new RealtimeClient(keep);
        c.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), c).join();
        c.sending = CompletableFuture.completedFuture(c.socket);
        return c;
    }

    /** A client over {@code transport}, which hands each server event to {@link #received}. */
    static RealtimeClient over(Predicate<String> keep, java.util.function.Function<RealtimeClient, Transport> transport) {
        RealtimeClient c = new RealtimeClient(keep);
        c.transport = transport.apply(c);
        return c;
    }

    /** The transport this client runs over, or null for the WebSocket. */
    Transport transport() {
        return transport;
    }

    /** A server event of another transport, received at {@code nanos}; its JSON is made only when kept. */
    void received(long nanos, String type, java.util.function.Supplier<String> json) {
        received.incrementAndGet();
        if (type.equals("response.output_audio.delta")) {
            lastAudioDeltaNanos = nanos;
            synchronized (audioDeltas) {
                audioDeltas.incrementAndGet();
                audioDeltas.notifyAll();
            }
        }
        if (keep.test(type)) {
            Event e = new Event(nanos, type, json.get());
            tap.accept(e);
            events.add(e);
        }
    }

    /** Called on the client's receiving thread for every kept event, before it is queued. */
    void tap(java.util.function.Consumer<Event> consumer) {
        this.tap = consumer;
    }

    /** Queues a text frame behind the ones sent before it. */
    synchronized void send(String text) {
        sent.incrementAndGet();
        if (transport != null) {
            transport.send(text);
            return;
        }
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
    }

    /** The next kept event of {@code type}, skipping others; fails after {@code timeoutMs}. */
    Event await(String type, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new IllegalStateException("no " + type + " within " + timeoutMs + " ms");
            }
            if (e.type.equals("error")) {
                throw new IllegalStateException("server error: " + e.json);
            }
            if (e.type.equals(type)) {
                return e;
            }
        }
    }

    /**
     * From now on events only go to the tap. A long run that never awaits would otherwise keep every event: in
     * the first 40-session soak the client's queue held 54,000 events at 5.5 minutes, which was counted as heap.
     */
    void tapOnly() {
        queueing = false;
        events.clear();
    }

    /** Drops every queued event. */
    void clear() {
        events.clear();
    }

    long audioDeltas() {
        return audioDeltas.get();
    }

    /** Waits until more than {@code seen} audio deltas have arrived. */
    void awaitAudioDeltasAbove(long seen, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        synchronized (audioDeltas) {
            while (audioDeltas.get() <= seen) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("no audio delta within " + timeoutMs + " ms");
                }
                audioDeltas.wait(left);
            }
        }
    }

    /** Text frames sent and server events received (audio deltas included). */
    long sent() {
        return sent.get();
    }

    long received() {
        return received.get();
    }

    /** Stops reading: the next frame is not requested until {@link #resumeReading()}. */
    synchronized void pauseReading() {
        paused = true;
    }

    synchronized void resumeReading() {
        paused = false;
        if (requestOwed) {
            requestOwed = false;
            socket.request(1);
        }
    }

    private synchronized void requestNext(WebSocket ws) {
        if (paused) {
            requestOwed = true;
        } else {
            ws.request(1);
        }
    }

    long lastAudioDeltaNanos() {
        return lastAudioDeltaNanos;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (partial.isEmpty() && !discarding) {
            partialNanos = System.nanoTime();
            partialType = typeOf(data);
            if (partialType != null && partialType.equals("response.output_audio.delta")) {
                lastAudioDeltaNanos = partialNanos;
                synchronized (audioDeltas) {
                    audioDeltas.incrementAndGet();
                    audioDeltas.notifyAll();
                }
            }
            discarding = partialType != null && !keep.test(partialType);
        }
        if (!discarding) {
            partial.append(data);
        }
        if (last) {
            if (!discarding) {
                String text = partial.toString();
                String type = partialType != null ? partialType : typeOf(text);
                Event e = new Event(partialNanos, type == null ? "" : type, text);
                tap.accept(e);
                if (queueing) {
                    events.add(e);
                }
            }
            partial.setLength(0);
            discarding = false;
            received.incrementAndGet();
        }
        requestNext(ws);
        return null;
    }

    /** The value of the first {@code "type":"…"} (server events put it first), or null if not in view yet. */
    static String typeOf(CharSequence s) {
        String head = s.subSequence(0, Math.min(s.length(), 120)).toString();
        int i = head.indexOf("\"type\":\"");
        if (i < 0) {
            return null;
        }
        int end = head.indexOf('"', i + 8);
        return end < 0 ? null : head.substring(i + 8, end);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        tap.accept(new Event(System.nanoTime(), "close", "{\"code\":" + code + "}"));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        events.add(new Event(System.nanoTime(), "error", "{\"transport\":\"" + error + "\"}"));
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
