package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.realtime.EventEmitter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Operations endpoints: {@code GET /healthz} (200 while the process serves HTTP), {@code GET /readyz} (200 when
 * serving and below the session limit, 503 otherwise: a load balancer stops sending new sessions) and
 * {@code POST /v1/parley/drain} with the admin key (starts the drain, 202), {@code GET /metrics} (Prometheus
 * exposition, format as the {@code Accept} header asks) and {@code GET /v1/parley/status} (version, pipelines,
 * plugins, live sessions by variant).
 */
final class OpsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String HEALTH = "/healthz";
    static final String READY = "/readyz";
    static final String DRAIN = "/v1/parley/drain";
    static final String METRICS = "/metrics";
    static final String STATUS = "/v1/parley/status";

    private final ServerContext server;

    OpsHttpHandler(ServerContext server) {
        this.server = server;
    }

    static boolean isProbe(String path) {
        return path.equals(HEALTH) || path.equals(READY) || path.equals(METRICS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        switch (path) {
            case HEALTH -> HttpResponses.json(ctx, HttpResponseStatus.OK, status());
            case READY -> HttpResponses.json(ctx, server.admission().ready() ? HttpResponseStatus.OK
                    : HttpResponseStatus.SERVICE_UNAVAILABLE, status());
            case DRAIN -> drain(ctx, req);
            case METRICS -> {
                ParleyMetrics.Exposition e = server.metrics().scrape(req.headers().get(HttpHeaderNames.ACCEPT));
                HttpResponses.bytes(ctx, e.contentType(), e.body());
            }
            case STATUS -> HttpResponses.json(ctx, HttpResponseStatus.OK, StatusReport.of(server, status()));
            default -> ctx.fireChannelRead(req.retain());
        }
    }

    private void drain(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!HttpMethod.POST.equals(req.method())) {
            HttpResponses.error(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "invalid_request_error",
                    "method_not_allowed", null, "Use POST for " + DRAIN + ".");
            return;
        }
        String admin = server.options().keyPolicy().adminKey();
        String presented = ConnectRequest.bearer(req.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (admin == null || presented == null || !MessageDigest.isEqual(admin.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            server.throttle().failedLogin(RealtimeHandshakeHandler.address(ctx.channel()));
            HttpResponses.error(ctx, HttpResponseStatus.UNAUTHORIZED, "invalid_request_error", "invalid_api_key",
                    null, admin == null ? "Draining over HTTP needs an admin key (--admin-key or "
                            + KeyPolicy.ADMIN_KEY_ENV + ")." : "Incorrect admin key provided.");
            return;
        }
        server.drain().start("POST " + DRAIN);
        HttpResponses.json(ctx, HttpResponseStatus.ACCEPTED, status());
    }

    private ObjectNode status() {
        ObjectNode o = EventEmitter.MAPPER.createObjectNode();
        o.put("state", server.admission().state().name().toLowerCase(java.util.Locale.ROOT))
                .put("ready", server.admission().ready())
                .put("sessions", server.admission().liveSessions())
                .put("max_sessions", server.options().limits().maxSessions());
        return o;
    }
}
