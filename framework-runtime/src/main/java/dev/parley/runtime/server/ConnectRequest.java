package dev.parley.runtime.server;

import dev.parley.runtime.realtime.Dialect;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client's upgrade request says (catalog §1.2): credentials from any of the three places clients put them,
 * the dialect, and the query parameters.
 *
 * @param query        first value of each query parameter
 * @param headers      request headers, names lower-cased
 * @param apiKey       from {@code Authorization: Bearer}, the {@code openai-insecure-api-key.} subprotocol or
 *                     {@code ?api-key=}; null if none
 * @param dialect      beta when {@code OpenAI-Beta: realtime=v1} or the {@code openai-beta.realtime-v1} subprotocol
 * @param subprotocols subprotocols the client offered
 */
public record ConnectRequest(Map<String, String> query, Map<String, String> headers, String apiKey, Dialect dialect,
                             List<String> subprotocols) {
    static final String KEY_PROTOCOL_PREFIX = "openai-insecure-api-key.";
    static final String BETA_PROTOCOL = "openai-beta.realtime-v1";

    public static ConnectRequest of(HttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        Map<String, String> query = new LinkedHashMap<>();
        qs.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        List<String> protocols = new ArrayList<>();
        String offered = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (offered != null) {
            for (String p : offered.split(",")) {
                if (!p.isBlank()) {
                    protocols.add(p.trim());
                }
            }
        }
        String key = bearer(req.headers().get(HttpHeaderNames.AUTHORIZATION));
        for (String p : protocols) {
            if (key == null && p.startsWith(KEY_PROTOCOL_PREFIX)) {
                key = p.substring(KEY_PROTOCOL_PREFIX.length());
            }
        }
        if (key == null && query.containsKey("api-key")) {
            key = query.get("api-key");
        }
        String beta = headers.getOrDefault("openai-beta", "");
        Dialect dialect = beta.replace(" ", "").contains("realtime=v1") || protocols.contains(BETA_PROTOCOL)
                ? Dialect.BETA : Dialect.GA;
        return new ConnectRequest(Collections.unmodifiableMap(query), Collections.unmodifiableMap(headers), key,
                dialect, List.copyOf(protocols));
    }

    /** The token of {@code Authorization: Bearer <token>}, or null. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
    }

    public String model() {
        return query.get("model");
    }

    public boolean transcriptionIntent() {
        return "transcription".equals(query.get("intent"));
    }

    /** Sticky routing key: {@code ?user=} or {@code X-Parley-User}. */
    public String userKey() {
        String u = query.get("user");
        return u != null && !u.isBlank() ? u : headers.get("x-parley-user");
    }
}
