package dev.parley.runtime.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Answers HTTP 429 (with {@code Retry-After}) to an address making handshakes faster than its bucket allows, or
 * locked out by failed logins, before its request reaches any key check or upgrade. Health probes pass.
 */
final class AddressThrottleHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ServerContext server;

    AddressThrottleHandler(ServerContext server) {
        super(false);
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (OpsHttpHandler.isProbe(path)) {
            ctx.fireChannelRead(req);
            return;
        }
        var address = RealtimeHandshakeHandler.address(ctx.channel());
        AddressThrottle.Verdict v = server.throttle().check(address);
        if (v == AddressThrottle.Verdict.ALLOWED) {
            ctx.fireChannelRead(req);
            return;
        }
        req.release();
        server.counters().throttled.increment();
        boolean logins = v == AddressThrottle.Verdict.TOO_MANY_FAILED_LOGINS;
        server.throttledLog().record((logins ? "failed logins" : "handshake rate") + " from " + address);
        long retry = logins ? server.throttle().retryAfterSeconds(address) : 1;
        HttpResponses.error(ctx, HttpResponseStatus.TOO_MANY_REQUESTS, "invalid_request_error",
                "rate_limit_exceeded", null, logins
                        ? "Too many failed logins from this address; try again in " + retry + " s."
                        : "Too many connections from this address; slow down.",
                retry);
    }
}
