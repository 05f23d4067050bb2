package dev.parley.runtime.routing;

import dev.parley.api.router.RoutingRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link RoutingRequest} of a connecting session. The sticky user key is, first found wins: the
 * {@code user} query parameter, the {@code X-Parley-User} header, session metadata {@code user_id}, then
 * {@code user}. Blank values count as absent (the session is then routed on its own id).
 */
public final class RoutingRequests {
    /** Query parameter carrying the user key. */
    public static final String USER_PARAM = "user";
    /** Header carrying the user key (lower-cased, as headers are compared). */
    public static final String USER_HEADER = "x-parley-user";

    private RoutingRequests() {
    }

    /**
     * @param headers  HTTP upgrade headers, any case (lower-cased here)
     * @param query    query parameters of the connect URL
     * @param metadata session metadata, may be empty
     */
    public static RoutingRequest of(String sessionId, Map<String, String> headers, Map<String, String> query,
                                    Map<String, String> metadata) {
        Map<String, String> h = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        }
        Map<String, String> q = query == null ? Map.of() : Map.copyOf(query);
        Map<String, String> m = metadata == null ? Map.of() : Map.copyOf(metadata);
        String user = firstNonBlank(q.get(USER_PARAM), h.get(USER_HEADER), m.get("user_id"), m.get("user"));
        return new RoutingRequest(sessionId, user, Map.copyOf(h), q, m);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
