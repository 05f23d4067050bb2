package dev.parley.runtime.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not finished its HTTP request (a WebSocket upgrade or a REST call, TLS included)
 * within the handshake timeout, counted from accept: silent sockets and ones dribbling partial headers cannot
 * hold file descriptors. The upgrade removes this handler; a REST reply closes the connection itself.
 */
final class HandshakeDeadline extends ChannelInboundHandlerAdapter {
    static final String NAME = "handshake-deadline";

    private final long timeoutMs;
    private final ServerCounters counters;
    private ScheduledFuture<?> timer;

    HandshakeDeadline(long timeoutMs, ServerCounters counters) {
        this.timeoutMs = timeoutMs;
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                counters.handshakeTimeouts.increment();
                ctx.close();
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
