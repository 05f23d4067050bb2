package dev.parley.runtime.server;

import dev.parley.runtime.realtime.EventSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Server events onto a WebSocket channel, one text frame each. Called from the session's actor; Netty hands
 * the writes to the channel's event loop in call order. Events for a closed channel are dropped.
 */
final class ChannelEventSink implements EventSink {
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
    public void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
