package dev.parley.runtime.server;

import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;

/**
 * Every server-initiated WebSocket close: the close frame goes out behind every event queued before it, TCP
 * closes only once that frame has been written and the client has had a moment to answer (or to read the rest),
 * so the client sees the tail of the answer and a clean close code instead of 1006. Closing a socket that still
 * holds unread input makes the kernel send a reset that can destroy data the client had not read yet, so the
 * connection keeps reading (and discarding) while it lingers.
 */
final class GracefulClose {
    /** Set once a close has begun: a second close request, or the client's echo of ours, ends the connection. */
    static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("parley.closing");
    /**
     * After the close frame is written (and, without TLS, the sending side shut down so the kernel follows the
     * data with a FIN): time for the client to read the rest and echo the close before TCP closes anyway.
     */
    static final long LINGER_MS = 5000;
    /** A client that reads nothing is cut after this even if its backlog never drains. */
    static final long SLOW_READER_FLUSH_MS = 2000;
    /** The most a close waits for the backlog ahead of its frame (the slow-reader watchdog usually ends it first). */
    static final long MAX_FLUSH_MS = 120_000;

    private GracefulClose() {
    }

    /** Queues the close behind everything already queued for {@code ch}, from any thread. */
    static void close(Channel ch, int code, String reason) {
        close(ch, code, reason, MAX_FLUSH_MS);
    }

    static void close(Channel ch, int code, String reason, long maxFlushMs) {
        ch.eventLoop().execute(() -> closeNow(ch, code, reason, maxFlushMs));
    }

    static boolean closing(Channel ch) {
        return ch.hasAttr(CLOSING) && Boolean.TRUE.equals(ch.attr(CLOSING).get());
    }

    private static void closeNow(Channel ch, int code, String reason, long maxFlushMs) {
        if (!ch.isActive() || ch.attr(CLOSING).setIfAbsent(Boolean.TRUE) != null) {
            return;
        }
        ch.config().setAutoRead(true);
        var hardStop = ch.eventLoop().schedule(() -> {
            ch.close();
        }, maxFlushMs, TimeUnit.MILLISECONDS);
        ch.closeFuture().addListener(f -> hardStop.cancel(false));
        ch.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
                return;
            }
            if (ch instanceof SocketChannel sc && ch.pipeline().get("tls") == null) {
                sc.shutdownOutput(); // our side is done; still reading, so a late client frame is no reset
            }
            var linger = ch.eventLoop().schedule(() -> {
                ch.close();
            }, LINGER_MS, TimeUnit.MILLISECONDS);
            ch.closeFuture().addListener(c -> linger.cancel(false));
        });
    }
}
