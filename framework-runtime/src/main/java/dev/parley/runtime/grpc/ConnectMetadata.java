package dev.parley.runtime.grpc;

import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.server.ConnectRequest;
import io.grpc.Context;
import io.grpc.Metadata;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code Connect} call's metadata says, as the WebSocket's upgrade request would: the bearer key, the
 * model or pipeline ({@code x-parley-model}, the WebSocket's {@code ?model=}), the A/B user key
 * ({@code x-parley-user}), the intent ({@code x-parley-intent}) and the dialect ({@code openai-beta}).
 */
record ConnectMetadata(String apiKey, ConnectRequest request, InetAddress remote) {
    static final Context.Key<ConnectMetadata> CURRENT = Context.key("parley-connect");

    static ConnectMetadata of(Metadata md, InetAddress remote) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String k : md.keys()) {
            if (!k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                Iterable<String> values = md.getAll(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER));
                if (values != null) {
                    headers.put(k.toLowerCase(Locale.ROOT), String.join(",", values));
                }
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "model", headers.get("x-parley-model"));
        put(query, "user", headers.get("x-parley-user"));
        put(query, "intent", headers.get("x-parley-intent"));
        String key = bearer(headers.get("authorization"));
        Dialect dialect = headers.getOrDefault("openai-beta", "").replace(" ", "").contains("realtime=v1")
                ? Dialect.BETA : Dialect.GA;
        return new ConnectMetadata(key, new ConnectRequest(Map.copyOf(query), Map.copyOf(headers), key, dialect,
                List.of()), remote);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.trim());
        }
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
    }
}
