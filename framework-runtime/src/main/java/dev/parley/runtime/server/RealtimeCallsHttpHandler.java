package dev.parley.runtime.server;

import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.ProtocolException;
import dev.parley.runtime.routing.RoutingException;
import dev.parley.runtime.realtime.SessionSetup;
import dev.parley.runtime.webrtc.SdpOffer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI's WebRTC flow: {@code POST /v1/realtime/calls} with an SDP offer ({@code application/sdp}, or multipart
 * with {@code sdp} and {@code session} parts) and a bearer API key or {@code ek_} key → {@code 201} with the SDP
 * answer and {@code Location: /v1/realtime/calls/{call_id}}; {@code POST /v1/realtime/calls/{id}/hangup} ends a
 * call. Answers CORS preflights (any origin unless {@code --cors-origins}). The answer waits for ICE gathering, so
 * it is made on a virtual thread, not the event loop.
 */
final class RealtimeCallsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(RealtimeCallsHttpHandler.class);
    static final String PATH = "/v1/realtime/calls";
    /** A refused call may retry after this: sessions end every few seconds, and a drain hands over in about one. */
    private static final long RETRY_AFTER_SECONDS = 1;

    private final ServerContext server;

    RealtimeCallsHttpHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            ctx.fireChannelRead(req.retain());
            return;
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !server.calls().options().allowsOrigin(origin)) {
            HttpResponses.error(ctx, HttpResponseStatus.FORBIDDEN, "invalid_request_error", "origin_not_allowed",
                    null, "Origin " + origin + " may not call " + PATH + " (see --cors-origins).");
            return;
        }
        if (HttpMethod.OPTIONS.equals(req.method())) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
            cors(res.headers(), origin);
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Authorization, Content-Type, OpenAI-Beta, X-OpenAI-Agents-SDK, X-Parley-User");
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, 600);
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            // the connection closes after the reply: say so, or a client reuses it for the POST and reads EOF
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!HttpMethod.POST.equals(req.method())) {
            error(ctx, origin, HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", null,
                    "Use POST for " + path + ".");
            return;
        }
        ConnectRequest request = ConnectRequest.of(req);
        ApiKeyStore.Verdict verdict = server.keys().check(request.apiKey());
        if (verdict != ApiKeyStore.Verdict.ACCEPTED) {
            var address = RealtimeHandshakeHandler.address(ctx.channel());
            server.counters().failedLogins.increment();
            server.throttle().failedLogin(address); // enough of these and AddressThrottleHandler answers 429
            server.failedLoginLog().record(verdict.name().toLowerCase(java.util.Locale.ROOT) + " API key from "
                    + address + " (" + PATH + ")");
            error(ctx, origin, HttpResponseStatus.UNAUTHORIZED, verdict == ApiKeyStore.Verdict.MISSING ? null
                    : "invalid_api_key", null, switch (verdict) {
                        case MISSING -> "Missing bearer authentication in header.";
                        case USED_UP -> "This ephemeral key has already opened its sessions; mint a new one.";
                        default -> "Incorrect API key provided.";
                    });
            return;
        }
        if (!path.equals(PATH)) {
            hangup(ctx, origin, path.substring(PATH.length() + 1));
            return;
        }
        CallOffer offer;
        try {
            offer = CallOffer.read(req);
        } catch (ProtocolException e) {
            error(ctx, origin, HttpResponseStatus.BAD_REQUEST, e.code(), e.param(), e.getMessage());
            return;
        } catch (SdpOffer.InvalidOfferException e) {
            error(ctx, origin, HttpResponseStatus.BAD_REQUEST, e.code(), "sdp", e.getMessage());
            return;
        }
        AdmittedCall place = new AdmittedCall();
        Admission.Decision d = server.admission().admit(server.keys().keyId(request.apiKey()), place);
        if (d.ticket() == null) {
            refuse(ctx, origin, d.refusal());
            return;
        }
        server.carrier().execute(() -> {
            if (!answer(ctx, origin, request, offer, place, d.ticket())) {
                d.ticket().release();
            }
        });
    }

    /**
     * Over the server's or the key's limit, or draining: the WebSocket path's codes ({@code server_error},
     * {@code session_limit_reached} / {@code server_shutting_down}) as HTTP 503, or 429 for the key's own cap,
     * with {@code Retry-After}.
     */
    private void refuse(ChannelHandlerContext ctx, String origin, Admission.Refusal why) {
        HttpResponseStatus status = why == Admission.Refusal.KEY_FULL ? HttpResponseStatus.TOO_MANY_REQUESTS
                : HttpResponseStatus.SERVICE_UNAVAILABLE;
        String code = why.code();
        String message = why.message(server.options().limits());
        log.debug("Refused a call: {}", code);
        error(ctx, origin, status, "server_error", code, null, message, RETRY_AFTER_SECONDS);
    }

    private void hangup(ChannelHandlerContext ctx, String origin, String rest) {
        String callId = rest.endsWith("/hangup") ? rest.substring(0, rest.length() - "/hangup".length()) : null;
        CallConnection c = server.calls().get(callId);
        if (c == null) {
            error(ctx, origin, HttpResponseStatus.NOT_FOUND, "call_not_found", null,
                    "No live call " + rest + "; hang up with POST " + PATH + "/{call_id}/hangup.");
            return;
        }
        c.call().close("hung up by the client");
        reply(ctx, origin, HttpResponseStatus.OK, "application/json", "{}", null);
    }

    /** Answers the offer; false when it did not (an error reply was sent and the place is to be given back). */
    private boolean answer(ChannelHandlerContext ctx, String origin, ConnectRequest request, CallOffer offer,
                           AdmittedCall place, Admission.Ticket ticket) {
        ApiKeyStore keys = server.keys();
        EphemeralKey ek = keys.ephemeral(request.apiKey());
        String sessionId = ek == null ? Ids.session() : keys.claim(ek);
        if (sessionId == null) {
            error(ctx, origin, HttpResponseStatus.UNAUTHORIZED, "invalid_api_key", null,
                    "This ephemeral key has already opened its sessions; mint a new one.");
            return false;
        }
        String callId = "rtc_" + Ids.session().replaceFirst("^sess_", "");
        Pipeline pipeline;
        SessionSetup setup;
        try {
            pipeline = server.selector().select(new RoutingRequest(sessionId, request.userKey(),
                    request.headers(), request.query(), Map.of()));
            setup = offer.apply(server.setups().create(sessionId, request, pipeline, ek));
        } catch (ProtocolException e) {
            error(ctx, origin, HttpResponseStatus.BAD_REQUEST, e.code(), e.param(), e.getMessage());
            return false;
        } catch (RoutingException e) {
            error(ctx, origin, HttpResponseStatus.BAD_REQUEST, "invalid_variant", null, e.getMessage());
            return false;
        }
        CallConnection connection = null;
        String sdp;
        try {
            connection = new CallConnection(callId, sessionId, server, server.calls().media(), () -> {
                server.calls().remove(callId);
                ticket.release();
            });
            server.calls().add(callId, connection);
            sdp = connection.call().answer(offer.sdp());
        } catch (SdpOffer.InvalidOfferException e) {
            server.calls().remove(callId);
            closeUnanswered(connection);
            error(ctx, origin, HttpResponseStatus.BAD_REQUEST, e.code(), "sdp", e.getMessage());
            return false;
        } catch (Exception | LinkageError e) {
            server.calls().remove(callId);
            closeUnanswered(connection);
            log.error("Call {}: cannot answer: {}", callId, e.toString());
            error(ctx, origin, HttpResponseStatus.INTERNAL_SERVER_ERROR, "webrtc_unavailable", null,
                    "The server could not answer the call: " + e.getMessage());
            return false;
        }
        connection.open(setup, pipeline);
        place.answered(connection);
        log.info("Call {} answered (session {}), candidates {}", callId, sessionId, candidates(sdp));
        reply(ctx, origin, HttpResponseStatus.CREATED, "application/sdp", sdp, PATH + "/" + callId);
        return true;
    }

    /** A refused offer's peer connection and device go at once (not at the connect deadline). */
    private static void closeUnanswered(CallConnection connection) {
        if (connection != null) {
            connection.call().close("offer not answered");
        }
    }

    /** The answer's candidate addresses and ports, for the log (what a NAT deployment must let through). */
    private static java.util.List<String> candidates(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=candidate:")).map(l -> l.split(" "))
                .filter(f -> f.length > 7).map(f -> f[2].toLowerCase() + " " + f[4] + ":" + f[5] + " " + f[7])
                .distinct().toList();
    }

    private void error(ChannelHandlerContext ctx, String origin, HttpResponseStatus status, String code,
                       String param, String message) {
        error(ctx, origin, status, "invalid_request_error", code, param, message, 0);
    }

    private void error(ChannelHandlerContext ctx, String origin, HttpResponseStatus status, String type, String code,
                       String param, String message, long retryAfterSeconds) {
        var body = dev.parley.runtime.realtime.EventEmitter.MAPPER.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("code", code).put("param", param);
        reply(ctx, origin, status, "application/json", body.toString(), null, retryAfterSeconds);
    }

    private void reply(ChannelHandlerContext ctx, String origin, HttpResponseStatus status, String type, String body,
                       String location) {
        reply(ctx, origin, status, type, body, location, 0);
    }

    private void reply(ChannelHandlerContext ctx, String origin, HttpResponseStatus status, String type, String body,
                       String location, long retryAfterSeconds) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (location != null) {
            res.headers().set(HttpHeaderNames.LOCATION, location);
        }
        if (retryAfterSeconds > 0) {
            res.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        }
        cors(res.headers(), origin);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    private static void cors(HttpHeaders h, String origin) {
        if (origin == null) {
            return;
        }
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.set(HttpHeaderNames.VARY, "Origin");
        h.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Location");
    }
}
