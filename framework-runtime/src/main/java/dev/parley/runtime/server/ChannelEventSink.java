package dev.parley.runtime.server;

import dev.parley.runtime.realtime.EventSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * Server events onto a WebSocket channel, one text frame each. Called from the session's actor; Netty hands
 * the writes to the channel's event loop in call order. Events for a closed channel are dropped.
 */
final class ChannelEventSink implements EventSink {
    private static final long LINGER_MS = 1000;

    private final Channel channel;
    private volatile boolean closing;

    ChannelEventSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(String json) {
        if (!closing && channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(json), channel.voidPromise());
        }
    }

    @Override
    public void sendUtf8(byte[] json) {
        if (!closing && channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)), channel.voidPromise());
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (channel.isActive()) {
            // Close the TCP connection only a moment after the close frame: closing at once while the client is
            // still sending (e.g. the rest of an oversize frame) would reset the connection and could destroy the
            // error event before the client reads it. A client that answers the close frame ends it sooner.
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f ->
                    channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS));
        }
    }
}
