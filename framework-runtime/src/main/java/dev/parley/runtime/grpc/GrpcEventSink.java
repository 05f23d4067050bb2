package dev.parley.runtime.grpc;

import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.runtime.realtime.EventSink;
import dev.parley.runtime.server.AdmittedSession;
import dev.parley.runtime.server.ServerLimits;
import dev.parley.runtime.server.SessionSummary;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's server events onto its {@code Connect} response stream, in order, within the WebSocket's output
 * budget. gRPC's flow control stands in for the socket's write buffer: an event is handed to gRPC only while the
 * call {@link ServerCallStreamObserver#isReady() is ready}; the rest wait here. The sink is not {@link #writable()}
 * while more than {@link ServerLimits#WRITE_HIGH_WATER} bytes wait (the response path then pauses, as on the
 * WebSocket); a client whose queue makes no progress for the slow-reader timeout, or passes the hard cap
 * ({@code --max-queued-output-mb}), is cut with {@code RESOURCE_EXHAUSTED} (client_not_reading).
 */
final class GrpcEventSink implements EventSink, AdmittedSession {
    private static final Logger log = LoggerFactory.getLogger(GrpcEventSink.class);

    /** OPEN → FINISHING (closed by the server; the queue drains, then the stream ends) → ENDED. */
    private enum State { OPEN, FINISHING, ENDED }

    private final ServerCallStreamObserver<ServerEvent> call;
    private final ProtoEventMapper mapper;
    private final long maxQueuedBytes;
    private final long slowReaderNanos;
    private final Runnable slowReaderCounted;
    private final java.util.function.LongConsumer peakReached;
    private final ArrayDeque<ServerEvent> queue = new ArrayDeque<>();
    private final List<Runnable> writabilityListeners = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> watchdog;
    private State state = State.OPEN;
    private Status finalStatus = Status.OK;
    private long queuedBytes;
    private volatile long peakQueuedBytes;
    /** Volatile so the watchdog reads them without waiting for the lock an event being queued holds. */
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean waiting;
    private boolean wasWritable = true;
    private boolean clientDone;
    private volatile int responsesInFlight;
    private volatile SessionSummary summary;
    private volatile Runnable onEnded = () -> { };

    GrpcEventSink(ServerCallStreamObserver<ServerEvent> call, ProtoEventMapper mapper, ServerLimits limits,
                  ScheduledExecutorService timers, Runnable slowReaderCounted,
                  java.util.function.LongConsumer peakReached) {
        this.peakReached = peakReached;
        this.call = call;
        this.mapper = mapper;
        this.maxQueuedBytes = limits.maxQueuedOutputBytes();
        this.slowReaderNanos = limits.slowReaderTimeout().toNanos();
        this.slowReaderCounted = slowReaderCounted;
        long period = Math.max(50, TimeUnit.NANOSECONDS.toMillis(slowReaderNanos) / 5);
        this.watchdog = timers.scheduleAtFixedRate(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
        call.setOnReadyHandler(this::flush);
        call.setOnCancelHandler(() -> {
            synchronized (this) {
                state = State.ENDED;
                queue.clear();
                queuedBytes = 0;
            }
            ended();
        });
    }

    /** {@code r} runs once when the stream has ended, however (completed, cut, cancelled by the client). */
    void onEnded(Runnable r) {
        onEnded = r;
    }

    void describe(SessionSummary s) {
        summary = s;
    }

    @Override
    public void send(String json) {
        sendUtf8(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendUtf8(byte[] json) {
        ServerEvent event = mapper.toProto(json);
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            int size = event.getSerializedSize();
            if (maxQueuedBytes > 0 && queuedBytes + size > maxQueuedBytes) {
                slowReader("queued output passed " + maxQueuedBytes + " bytes");
                return;
            }
            if (queue.isEmpty()) {
                lastProgressNanos = System.nanoTime(); // a stall is counted from when output began to wait
            }
            queue.add(event);
            waiting = true;
            queuedBytes += size;
            if (queuedBytes > peakQueuedBytes) {
                peakQueuedBytes = queuedBytes;
                peakReached.accept(queuedBytes);
            }
        }
        flush();
    }

    /** Hands queued events to gRPC while the call is ready (also gRPC's on-ready handler). */
    private void flush() {
        boolean changed;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            while (!queue.isEmpty() && call.isReady()) {
                ServerEvent e = queue.poll();
                queuedBytes -= e.getSerializedSize();
                lastProgressNanos = System.nanoTime();
                call.onNext(e);
            }
            waiting = !queue.isEmpty();
            if (queue.isEmpty() && state == State.FINISHING) {
                finish();
                return;
            }
            boolean now = writable();
            changed = now != wasWritable;
            wasWritable = now;
        }
        if (changed) {
            writabilityListeners.forEach(Runnable::run);
        }
    }

    private void finish() { // holding the lock, queue empty
        state = State.ENDED;
        if (finalStatus.isOk()) {
            call.onCompleted();
        } else {
            call.onError(finalStatus.asRuntimeException());
        }
        ended();
    }

    private void ended() {
        watchdog.cancel(false);
        onEnded.run();
        onEnded = () -> { };
    }

    @Override
    public synchronized boolean writable() {
        return state == State.OPEN && queuedBytes < ServerLimits.WRITE_HIGH_WATER;
    }

    @Override
    public void onWritabilityChanged(Runnable listener) {
        writabilityListeners.add(listener);
    }

    /**
     * Ends the stream after the events already sent. The facade's WebSocket close codes map to a status: going
     * away and normal closes complete the stream (the {@code error} event before says why); a setup failure is
     * {@code INTERNAL}, a refused request {@code INVALID_ARGUMENT}, a policy close {@code RESOURCE_EXHAUSTED}.
     */
    @Override
    public synchronized void close(int code, String reason) {
        if (state != State.OPEN) {
            return;
        }
        finalStatus = switch (code) {
            case 1000, 1001 -> Status.OK;
            case 1008 -> Status.RESOURCE_EXHAUSTED.withDescription(reason);
            case 1011 -> Status.INTERNAL.withDescription(reason);
            default -> code >= 3000 ? Status.INVALID_ARGUMENT.withDescription(reason) : Status.OK;
        };
        state = State.FINISHING;
        if (queue.isEmpty()) {
            finish();
        }
    }

    /** Ends the stream now with {@code status}, dropping what is queued (the client broke the stream). */
    synchronized void abort(Status status) {
        if (state == State.ENDED) {
            return;
        }
        queue.clear();
        queuedBytes = 0;
        finalStatus = status;
        finish();
    }

    /** The client half-closed: no more input. The stream ends once no response is in flight. */
    synchronized void clientDone() {
        clientDone = true;
        if (responsesInFlight == 0) {
            close(1000, "client done");
        }
    }

    @Override
    public void responsesInFlight(int count) {
        responsesInFlight = count;
        synchronized (this) {
            if (clientDone && count == 0) {
                close(1000, "client done");
            }
        }
    }

    @Override
    public int responsesInFlight() {
        return responsesInFlight;
    }

    @Override
    public boolean goAway(boolean force) {
        synchronized (this) {
            if (state != State.OPEN) {
                return true;
            }
            if (responsesInFlight > 0 && !force) {
                return false;
            }
        }
        send(errorJson("server_error", "server_shutting_down",
                "The server is shutting down; reconnect to continue (another instance will take the session)."));
        close(1001, "server_error.server_shutting_down");
        return true;
    }

    @Override
    public SessionSummary summary() {
        return summary;
    }

    @Override
    public void closeByAdmin() {
        send(errorJson("server_error", "session_closed", "An operator closed this session."));
        close(1000, "server_error.session_closed");
    }

    long peakQueuedBytes() {
        return peakQueuedBytes;
    }

    private void checkProgress() {
        long stalled = System.nanoTime() - lastProgressNanos;
        if (!waiting || stalled <= slowReaderNanos) {
            return;
        }
        synchronized (this) {
            if (state == State.OPEN && !queue.isEmpty()) {
                slowReader("no output was read for " + TimeUnit.NANOSECONDS.toMillis(stalled) + " ms");
            }
        }
    }

    private void slowReader(String why) { // holding the lock
        log.info("Cutting a gRPC stream whose client stopped reading: {} ({} bytes queued)", why, queuedBytes);
        slowReaderCounted.run();
        queue.clear();
        queuedBytes = 0;
        finalStatus = Status.RESOURCE_EXHAUSTED.withDescription("invalid_request_error.client_not_reading: The "
                + "client stopped reading server events (" + why + "); the stream is closed.");
        state = State.FINISHING;
        finish();
    }

    static String errorJson(String type, String code, String message) {
        return dev.parley.runtime.realtime.EventEmitter.connectionError(type, code, message);
    }
}
