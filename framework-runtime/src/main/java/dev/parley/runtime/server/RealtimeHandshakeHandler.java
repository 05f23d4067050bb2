package dev.parley.runtime.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.realtime.EventEmitter;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades {@code GET /v1/realtime} to a WebSocket (catalog §1.1): echoes the {@code realtime} subprotocol when offered,
 * reads the key from header, subprotocol or query, and always completes the upgrade first — a bad or missing
 * key then gets one {@code error} event and close code 3000, as OpenAI does; a session beyond the server's or
 * the key's limit, or one arriving while the server drains, gets an {@code error} and close 1013 ("try again
 * later"). Other requests pass on.
 */
final class RealtimeHandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(RealtimeHandshakeHandler.class);
    static final String PATH = "/v1/realtime";
    /** 15 MiB of audio in base64 plus room for the JSON envelope. */
    static final int MAX_MESSAGE_BYTES = 15 * 1024 * 1024 / 3 * 4 + 64 * 1024;

    private final ServerContext server;

    RealtimeHandshakeHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        boolean upgrade = req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        if (!path.equals(PATH)) {
            ctx.fireChannelRead(req.retain());
            return;
        }
        if (!upgrade || !HttpMethod.GET.equals(req.method())) {
            HttpResponses.error(ctx, HttpResponseStatus.UPGRADE_REQUIRED, "invalid_request_error",
                    "websocket_required", null, PATH + " is a WebSocket endpoint: connect with a WebSocket client "
                            + "(GET with Upgrade: websocket).");
            return;
        }
        ConnectRequest request = ConnectRequest.of(req);
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .closeOnProtocolViolation(false) // we report an oversize frame as an error event first
                .allowExtensions(false)
                .build();
        String scheme = server.options().tls() ? "wss://" : "ws://";
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                scheme + req.headers().get(HttpHeaderNames.HOST, "localhost") + PATH, "realtime", decoder)
                .newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        Admitted admitted = admit(ctx.channel(), request);
        var p = ctx.pipeline();
        p.addLast("ws-utf8", new Utf8FrameValidator(false));
        p.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        p.addLast("ws-keepalive", new WebSocketKeepAliveHandler(server.options().pingInterval(),
                server.options().idleTimeout()));
        if (admitted.connection != null) {
            p.addLast("realtime-frames", new RealtimeFrameHandler(admitted.connection, MAX_MESSAGE_BYTES,
                    server.counters()));
        }
        for (String name : new String[] {"client-secrets", "realtime-calls", "ops", "not-found", HandshakeDeadline.NAME}) {
            if (p.get(name) != null) {
                p.remove(name);
            }
        }
        handshaker.handshake(ctx.channel(), req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                log.debug("WebSocket handshake failed: {}", f.cause().toString());
                f.channel().close();
            } else if (admitted.refusal != null) {
                refuse(f.channel(), admitted.refusal);
            }
        });
        p.remove(this);
    }

    /** A connection that was let in, or the reason it was not (sent once the upgrade is done). */
    private record Admitted(RealtimeConnection connection, Refusal refusal) {
    }

    /** What a refused client is told: the error event's type and code, its message and the close code. */
    record Refusal(String type, String code, String message, int closeCode) {
        String json() {
            return EventEmitter.connectionError(type, code, message);
        }

        String closeReason() {
            return code == null ? type : type + "." + code;
        }
    }

    private Admitted admit(Channel channel, ConnectRequest request) {
        ApiKeyStore keys = server.keys();
        ApiKeyStore.Verdict verdict = keys.check(request.apiKey());
        if (verdict != ApiKeyStore.Verdict.ACCEPTED) {
            return new Admitted(null, failedLogin(channel, verdict));
        }
        ChannelEventSink sink = new ChannelEventSink(channel, server.options().limits(), server.counters());
        String callId = request.query().get("call_id");
        if (callId != null) { // a sideband: joins the WebRTC call's session, no new session to admit
            CallConnection c = server.calls().get(callId);
            if (c == null) {
                return new Admitted(null, new Refusal("invalid_request_error", "call_not_found", "No live "
                        + "WebRTC call " + callId.replace("\"", "") + " to attach to.", 4000));
            }
            RealtimeConnection connection = new RealtimeConnection(channel, request, null, callId, sink, server)
                    .attachedTo(c);
            connection.start();
            return new Admitted(connection, null);
        }
        Admission.Decision d = server.admission().admit(keys.keyId(request.apiKey()), sink);
        if (d.ticket() == null) {
            return new Admitted(null, capacity(d.refusal()));
        }
        EphemeralKey ek = keys.ephemeral(request.apiKey());
        String sessionId = ek == null ? dev.parley.runtime.conversation.Ids.session() : keys.claim(ek);
        if (sessionId == null) { // another connection took the key's last use since the check
            d.ticket().release();
            return new Admitted(null, failedLogin(channel, ApiKeyStore.Verdict.USED_UP));
        }
        channel.closeFuture().addListener(f -> d.ticket().release());
        RealtimeConnection connection = new RealtimeConnection(channel, request, ek, sessionId, sink, server);
        connection.start(); // queued on the session actor before any frame can be
        return new Admitted(connection, null);
    }

    private Refusal failedLogin(Channel channel, ApiKeyStore.Verdict verdict) {
        server.counters().failedLogins.increment();
        server.throttle().failedLogin(address(channel));
        server.failedLoginLog().record(verdict.name().toLowerCase(java.util.Locale.ROOT) + " API key from "
                + address(channel));
        return switch (verdict) {
            case MISSING -> new Refusal("invalid_request_error", null, "Missing bearer authentication in header, "
                    + "'openai-insecure-api-key.' subprotocol or 'api-key' query parameter.", 3000);
            case USED_UP -> new Refusal("invalid_request_error", "invalid_api_key", "This ephemeral key has "
                    + "already opened its " + server.options().keyPolicy().ephemeralUses()
                    + " session(s); mint a new one.", 3000);
            default -> new Refusal("invalid_request_error", "invalid_api_key", "Incorrect API key provided.", 3000);
        };
    }

    private Refusal capacity(Admission.Refusal why) {
        String message = why.message(server.options().limits());
        String code = why.code();
        log.debug("Refused a session: {}", code);
        return new Refusal("server_error", code, message, 1013);
    }

    private static void refuse(Channel ch, Refusal r) {
        ch.writeAndFlush(new TextWebSocketFrame(r.json()));
        GracefulClose.close(ch, r.closeCode(), r.closeReason(), GracefulClose.SLOW_READER_FLUSH_MS * 2);
    }

    static java.net.InetAddress address(Channel ch) {
        return ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }
}
