package dev.parley.runtime.server;

import dev.parley.runtime.realtime.EventSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * Server events onto a WebSocket channel, one text frame each, in call order. Events for a closed channel are
 * dropped.
 *
 * <p>Called from the session's actor, which runs on a carrier thread or, for an audio append handled inline
 * ({@link RealtimeConnection#text}), on the channel's event loop itself. Netty queues a write from another thread
 * as a task on the event loop but performs a write from the event loop at once, so an event sent inline would
 * overtake events the actor had sent just before and that still wait in that queue — e.g. a
 * {@code speech_started} arriving before the last audio delta of the response it interrupts, which the client
 * would then play after clearing its buffer. A write from the event loop is therefore queued as well.
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
            write(new TextWebSocketFrame(json));
        }
    }

    @Override
    public void sendUtf8(byte[] json) {
        if (!closing && channel.isActive()) {
            write(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
        }
    }

    private void write(TextWebSocketFrame frame) {
        if (channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> channel.writeAndFlush(frame, channel.voidPromise()));
        } else {
            channel.writeAndFlush(frame, channel.voidPromise());
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
            // queued behind the events sent before it, like them (see the class comment)
            channel.eventLoop().execute(() -> channel.writeAndFlush(new CloseWebSocketFrame(code, reason))
                    .addListener(f -> channel.eventLoop().schedule(() -> channel.close(), LINGER_MS,
                            TimeUnit.MILLISECONDS)));
        }
    }
}
