package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.realtime.EventEmitter;
import dev.parley.runtime.realtime.Fields;
import dev.parley.runtime.realtime.ProtocolException;
import dev.parley.runtime.realtime.SessionConfig;
import dev.parley.runtime.realtime.SessionConfigReader;
import dev.parley.runtime.realtime.SessionConfigWriter;
import dev.parley.runtime.realtime.SessionIdentity;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Mints ephemeral {@code ek_} keys (§1.3): GA {@code POST /v1/realtime/client_secrets} and beta
 * {@code POST /v1/realtime/sessions}. Requires a configured API key (an ephemeral key cannot mint another).
 * The session settings in the body are validated like a {@code session.update} and applied to the session that
 * connects with the key.
 */
final class ClientSecretsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String GA_PATH = "/v1/realtime/client_secrets";
    static final String BETA_PATH = "/v1/realtime/sessions";

    private final ServerContext server;

    ClientSecretsHttpHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (!path.equals(GA_PATH) && !path.equals(BETA_PATH)) {
            ctx.fireChannelRead(req.retain());
            return;
        }
        if (!HttpMethod.POST.equals(req.method())) {
            HttpResponses.error(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "invalid_request_error",
                    "method_not_allowed", null, "Use POST for " + path + ".");
            return;
        }
        String key = ConnectRequest.bearer(req.headers().get(HttpHeaderNames.AUTHORIZATION));
        ApiKeyStore.Verdict verdict = server.keys().checkConfigured(key);
        if (verdict != ApiKeyStore.Verdict.ACCEPTED) {
            HttpResponses.error(ctx, HttpResponseStatus.UNAUTHORIZED, "invalid_request_error",
                    verdict == ApiKeyStore.Verdict.MISSING ? null : "invalid_api_key", null,
                    verdict == ApiKeyStore.Verdict.MISSING ? "Missing bearer authentication in header."
                            : "Incorrect API key provided.");
            return;
        }
        try {
            ObjectNode body = body(req);
            ObjectNode reply = path.equals(GA_PATH) ? mintGa(body, key) : mintBeta(body, key);
            HttpResponses.json(ctx, HttpResponseStatus.OK, reply);
        } catch (ProtocolException e) {
            HttpResponses.error(ctx, HttpResponseStatus.BAD_REQUEST, e.type(), e.code(), e.param(), e.getMessage());
        }
    }

    private ObjectNode mintGa(ObjectNode body, String mintingKey) {
        Fields.onlyKnown(body, "", java.util.Set.of("expires_after", "session"));
        Duration ttl = ttl(body.get("expires_after"), "expires_after");
        ObjectNode session = body.hasNonNull("session") ? Fields.object(body.get("session"), "session")
                : EventEmitter.MAPPER.createObjectNode().put("type", "realtime");
        if (!session.hasNonNull("type")) {
            session.put("type", "realtime");
        }
        boolean transcription = "transcription".equals(session.get("type").asText());
        SessionConfig c = SessionConfigReader.applyGa(SessionSetupFactory.base(transcription), session, "session");
        EphemeralKey k = fits(server.keys().issue(ttl, session.deepCopy(), Dialect.GA, mintingKey));
        ObjectNode reply = EventEmitter.MAPPER.createObjectNode();
        reply.put("value", k.value()).put("expires_at", k.expiresAt());
        reply.set("session", SessionConfigWriter.ga(c, identity(k)));
        return reply;
    }

    private ObjectNode mintBeta(ObjectNode body, String mintingKey) {
        JsonNode secret = body.path("client_secret").path("expires_after");
        Duration ttl = ttl(secret.isMissingNode() ? null : secret, "client_secret.expires_after");
        SessionConfig c = SessionConfigReader.applyBeta(SessionSetupFactory.base(false), body, "", false);
        ObjectNode session = body.deepCopy();
        session.remove("client_secret");
        EphemeralKey k = fits(server.keys().issue(ttl, session, Dialect.BETA, mintingKey));
        ObjectNode reply = SessionConfigWriter.beta(c, identity(k));
        reply.putObject("client_secret").put("value", k.value()).put("expires_at", k.expiresAt());
        return reply;
    }

    /** The key carries its session settings, and clients send it in a header: it must fit in one. */
    private static EphemeralKey fits(EphemeralKey k) {
        if (k.value().length() > EphemeralKeyCodec.MAX_TOKEN_CHARS) {
            throw ProtocolException.invalidRequest("session_too_large", "session",
                    "The session settings are too large for an ephemeral key (" + k.value().length()
                            + " characters once signed, at most " + EphemeralKeyCodec.MAX_TOKEN_CHARS
                            + "): send the rest with session.update after connecting.");
        }
        return k;
    }

    /** {@code {anchor:"created_at", seconds:10–7200}}, default 600 s. */
    private static Duration ttl(JsonNode expiresAfter, String path) {
        if (expiresAfter == null || expiresAfter.isNull()) {
            return Duration.ofSeconds(600);
        }
        ObjectNode o = Fields.object(expiresAfter, path);
        Fields.onlyKnown(o, path, java.util.Set.of("anchor", "seconds"));
        if (o.hasNonNull("anchor")) {
            Fields.enumValue(o.get("anchor"), path + ".anchor", List.of("created_at"));
        }
        if (!o.hasNonNull("seconds")) {
            return Duration.ofSeconds(600);
        }
        long s = Fields.integer(o.get("seconds"), path + ".seconds");
        if (s < 10) {
            throw ProtocolException.belowMin(path + ".seconds", 10, s);
        }
        if (s > 7200) {
            throw ProtocolException.aboveMax(path + ".seconds", 7200, s);
        }
        return Duration.ofSeconds(s);
    }

    private static SessionIdentity identity(EphemeralKey k) {
        return new SessionIdentity(k.sessionId(), k.expiresAt(), null, null);
    }

    private static ObjectNode body(FullHttpRequest req) {
        String text = req.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return EventEmitter.MAPPER.createObjectNode();
        }
        try {
            return Fields.object(EventEmitter.MAPPER.readTree(text), "body");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProtocolException.invalidRequest("invalid_json", null,
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage());
        }
    }
}
