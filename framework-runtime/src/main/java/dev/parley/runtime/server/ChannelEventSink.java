package dev.parley.runtime.server;

import dev.parley.runtime.realtime.EventSink;
import dev.parley.runtime.conversation.Ids;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server events onto a WebSocket channel, one text frame each, in call order, within an output budget.
 * Events for a closing or closed channel are dropped.
 *
 * <p>Called from the session's actor, which runs on a carrier thread or, for an audio append handled inline
 * ({@link RealtimeConnection#text}), on the channel's event loop itself. Netty queues a write from another thread
 * as a task on the event loop but performs a write from the event loop at once, so an event sent inline would
 * overtake events the actor had sent just before and that still wait in that queue — e.g. a
 * {@code speech_started} arriving before the last audio delta of the response it interrupts, which the client
 * would then play after clearing its buffer. A write from the event loop is therefore queued as well.
 *
 * <p>Budget: the channel is not {@link #writable()} above Netty's write-buffer high water mark; a client whose
 * queued output makes no progress for the slow-reader timeout, or whose queue passes the hard cap, is told why
 * (an {@code error} event, which it reads only if it resumes) and closed with 1008.
 */
final class ChannelEventSink implements EventSink, AdmittedSession {
    private static final Logger log = LoggerFactory.getLogger(ChannelEventSink.class);

    private final Channel channel;
    private final long maxQueuedBytes;
    private final long slowReaderNanos;
    private final ServerCounters counters;
    private final AtomicLong queued = new AtomicLong();
    private final List<Runnable> writabilityListeners = new CopyOnWriteArrayList<>();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean closing;
    private volatile long peakQueuedBytes;
    /** Responses started and not done, as the session reports them (the drain waits for these). */
    private volatile int responsesInFlight;
    private volatile SessionSummary summary;
    private ScheduledFuture<?> watchdog; // event loop only

    ChannelEventSink(Channel channel) {
        this(channel, ServerLimits.defaults(), new ServerCounters());
    }

    ChannelEventSink(Channel channel, ServerLimits limits, ServerCounters counters) {
        this.channel = channel;
        this.maxQueuedBytes = limits.maxQueuedOutputBytes();
        this.slowReaderNanos = limits.slowReaderTimeout().toNanos();
        this.counters = counters;
    }

    @Override
    public void send(String json) {
        sendUtf8(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void sendUtf8(byte[] json) {
        if (closing || !channel.isActive() || GracefulClose.closing(channel)) {
            return;
        }
        write(Unpooled.wrappedBuffer(json));
    }

    private void write(ByteBuf content) {
        long size = content.readableBytes();
        long now = queued.addAndGet(size);
        if (now - size == 0) {
            lastProgressNanos = System.nanoTime(); // a stall is counted from when output began to wait
        }
        if (now > peakQueuedBytes) {
            peakQueuedBytes = now;
            counters.peakQueuedOutputBytes.accumulate(now);
        }
        if (maxQueuedBytes > 0 && now > maxQueuedBytes) {
            queued.addAndGet(-size);
            content.release();
            slowReader("queued output passed " + maxQueuedBytes + " bytes");
            return;
        }
        TextWebSocketFrame frame = new TextWebSocketFrame(content);
        ChannelPromise written = channel.newPromise();
        written.addListener(f -> {
            queued.addAndGet(-size);
            lastProgressNanos = System.nanoTime();
        });
        if (channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> channel.writeAndFlush(frame, written));
        } else {
            channel.writeAndFlush(frame, written);
        }
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (channel.isActive()) {
            GracefulClose.close(channel, code, reason); // queued behind the events sent before it, like them
        }
    }

    /**
     * Drain: when no response is in flight (or {@code force}), tells the client the server is going away and
     * closes 1001. Returns whether it did (or the connection was already closing).
     */
    @Override
    public synchronized boolean goAway(boolean force) {
        if (closing || !channel.isActive()) {
            return true;
        }
        if (responsesInFlight > 0 && !force) {
            return false;
        }
        write(Unpooled.wrappedBuffer(errorEvent("server_error", "server_shutting_down",
                "The server is shutting down; reconnect to continue (another instance will take the session)."
        ).getBytes(StandardCharsets.UTF_8)));
        close(1001, "server_error.server_shutting_down");
        return true;
    }

    @Override
    public void responsesInFlight(int count) {
        responsesInFlight = count;
    }

    @Override
    public int responsesInFlight() {
        return responsesInFlight;
    }

    /** Set by the connection once the session is routed (the admin service lists it). */
    void describe(SessionSummary s) {
        summary = s;
    }

    @Override
    public SessionSummary summary() {
        return summary;
    }

    @Override
    public void closeByAdmin() {
        sendUtf8(errorEvent("server_error", "session_closed", "An operator closed this session.")
                .getBytes(StandardCharsets.UTF_8));
        close(1000, "server_error.session_closed");
    }

    @Override
    public boolean writable() {
        return channel.isWritable() && !closing;
    }

    @Override
    public void onWritabilityChanged(Runnable listener) {
        writabilityListeners.add(listener);
    }

    long queuedBytes() {
        return queued.get();
    }

    long peakQueuedBytes() {
        return peakQueuedBytes;
    }

    /** From the pipeline (on the event loop) when Netty's writability flips. */
    void writabilityChanged() {
        if (!channel.isWritable() && watchdog == null && slowReaderNanos > 0) {
            lastProgressNanos = Math.max(lastProgressNanos, System.nanoTime() - slowReaderNanos / 2);
            long period = Math.max(50, TimeUnit.NANOSECONDS.toMillis(slowReaderNanos) / 5);
            watchdog = channel.eventLoop().scheduleAtFixedRate(this::checkProgress, period, period,
                    TimeUnit.MILLISECONDS);
        } else if (channel.isWritable() && watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        for (Runnable l : writabilityListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("writability listener failed: {}", e.toString());
            }
        }
    }

    private void checkProgress() {
        long stalled = System.nanoTime() - lastProgressNanos;
        if (queued.get() > 0 && stalled > slowReaderNanos) {
            slowReader("no output was read for " + TimeUnit.NANOSECONDS.toMillis(stalled) + " ms");
        }
        if (!channel.isActive() && watchdog != null) {
            watchdog.cancel(false);
        }
    }

    private synchronized void slowReader(String why) {
        if (closing) {
            return;
        }
        counters.slowReaderCloses.increment();
        log.info("Closing a connection whose client stopped reading: {} ({} bytes queued)", why, queued.get());
        TextWebSocketFrame error = new TextWebSocketFrame(errorEvent("invalid_request_error", "client_not_reading",
                "The client stopped reading server events (" + why + "); the connection is closed."));
        closing = true;
        channel.eventLoop().execute(() -> {
            channel.write(error, channel.voidPromise());
            GracefulClose.close(channel, 1008, "invalid_request_error.client_not_reading",
                    GracefulClose.SLOW_READER_FLUSH_MS);
        });
    }

    static String errorEvent(String type, String code, String message) {
        return "{\"type\":\"error\",\"event_id\":\"" + Ids.event() + "\",\"error\":{\"type\":\"" + type
                + "\",\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'")
                + "\",\"param\":null,\"event_id\":null}}";
    }
}
