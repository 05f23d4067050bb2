package dev.parley.runtime.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket frames of one connection → its {@link RealtimeConnection} (text and binary go to the session actor;
 * ping/close are answered here). An oversize frame is refused by the decoder from its header alone, so it is
 * never buffered; the client gets an error event, then close 1009.
 */
final class RealtimeFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(RealtimeFrameHandler.class);

    private final RealtimeConnection connection;
    private final long maxMessageBytes;
    private final ServerCounters counters;

    RealtimeFrameHandler(RealtimeConnection connection, long maxMessageBytes, ServerCounters counters) {
        this.connection = connection;
        this.maxMessageBytes = maxMessageBytes;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            // the bytes, not text(): the session decodes audio appends from them without a String copy
            connection.text(io.netty.buffer.ByteBufUtil.getBytes(text.content()));
        } else if (frame instanceof BinaryWebSocketFrame) {
            connection.binary();
        } else if (frame instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            int code = close.statusCode() < 0 ? 1000 : close.statusCode();
            if (GracefulClose.closing(ctx.channel())) {
                ctx.close(); // the client's answer to our close: the closing handshake is complete
            } else if (ctx.channel().isActive()) {
                ctx.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(ChannelFutureListener.CLOSE);
            }
        }
        // pongs keep the idle timer alive by being read; nothing else to do
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean tooBig = cause instanceof TooLongFrameException
                || cause instanceof CorruptedWebSocketFrameException c
                && c.closeStatus() != null && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
        if (tooBig) {
            log.info("Refused a WebSocket message over {} bytes", maxMessageBytes);
            connection.oversize(maxMessageBytes);
        } else if (cause instanceof CorruptedWebSocketFrameException c && c.closeStatus() != null
                && c.closeStatus().code() == WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code()) {
            counters.invalidUtf8.increment();
            log.debug("Invalid UTF-8 in a text frame: {}", c.getMessage());
            connection.invalidUtf8();
        } else if (cause instanceof CorruptedWebSocketFrameException c) {
            log.debug("Protocol violation: {}", c.getMessage());
            ctx.writeAndFlush(new CloseWebSocketFrame(c.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR
                    : c.closeStatus())).addListener(ChannelFutureListener.CLOSE);
        } else {
            log.debug("Connection error: {}", cause.toString());
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        connection.sink().writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.closed();
        super.channelInactive(ctx);
    }
}
