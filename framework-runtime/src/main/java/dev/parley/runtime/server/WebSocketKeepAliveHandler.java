package dev.parley.runtime.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pings the client every {@code pingInterval} (OpenAI does so every ~20 s; clients answer with pongs) and
 * closes a connection from which nothing at all — not even a pong — arrived for {@code idleTimeout}.
 */
final class WebSocketKeepAliveHandler extends IdleStateHandler {
    private final Duration pingInterval;
    private ScheduledFuture<?> pinger;

    WebSocketKeepAliveHandler(Duration pingInterval, Duration idleTimeout) {
        super(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
        this.pingInterval = pingInterval;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        long ms = pingInterval.toMillis();
        pinger = ctx.executor().scheduleAtFixedRate(() -> {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        if (pinger != null) {
            pinger.cancel(false);
        }
        super.handlerRemoved(ctx);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (evt.state() == IdleState.READER_IDLE) {
            GracefulClose.close(ctx.channel(), 1001, "idle timeout"); // behind any queued events, then linger
        }
    }
}
