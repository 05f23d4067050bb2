package dev.parley.runtime.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import dev.parley.runtime.conversation.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades {@code GET /v1/realtime} to a WebSocket (§1.1): echoes the {@code realtime} subprotocol when offered,
 * reads the key from header, subprotocol or query, and always completes the upgrade first — a bad or missing
 * key then gets one {@code error} event and close code 3000, as OpenAI does. Other requests pass on.
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
        ApiKeyStore.Verdict verdict = server.keys().check(request.apiKey());
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
        RealtimeConnection connection = null;
        if (verdict == ApiKeyStore.Verdict.ACCEPTED) {
            connection = new RealtimeConnection(ctx.channel(), request,
                    server.keys().ephemeral(request.apiKey()), server);
            connection.start(); // queued on the session actor before any frame can be
        }
        var p = ctx.pipeline();
        p.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        p.addLast("ws-keepalive", new WebSocketKeepAliveHandler(server.options().pingInterval(),
                server.options().idleTimeout()));
        if (connection != null) {
            p.addLast("realtime-frames", new RealtimeFrameHandler(connection, MAX_MESSAGE_BYTES));
        }
        for (String name : new String[] {"client-secrets", "not-found"}) {
            if (p.get(name) != null) {
                p.remove(name);
            }
        }
        handshaker.handshake(ctx.channel(), req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                log.debug("WebSocket handshake failed: {}", f.cause().toString());
                f.channel().close();
            } else if (verdict != ApiKeyStore.Verdict.ACCEPTED) {
                rejectKey(f, verdict);
            }
        });
        p.remove(this);
    }

    private static void rejectKey(io.netty.channel.ChannelFuture f, ApiKeyStore.Verdict verdict) {
        boolean missing = verdict == ApiKeyStore.Verdict.MISSING;
        String message = missing
                ? "Missing bearer or basic authentication in header, 'openai-insecure-api-key.' subprotocol or "
                        + "'api-key' query parameter."
                : "Incorrect API key provided.";
        String code = missing ? "null" : "\"invalid_api_key\"";
        String json = "{\"type\":\"error\",\"event_id\":\"" + Ids.event() + "\",\"error\":{\"type\":"
                + "\"invalid_request_error\",\"code\":" + code + ",\"message\":\"" + message
                + "\",\"param\":null,\"event_id\":null}}";
        f.channel().writeAndFlush(new TextWebSocketFrame(json));
        f.channel().writeAndFlush(new CloseWebSocketFrame(3000,
                        missing ? "invalid_request_error" : "invalid_request_error.invalid_api_key"))
                .addListener(ChannelFutureListener.CLOSE);
        log.info("Refused a connection: {} API key", missing ? "missing" : "invalid");
    }
}
