package dev.parley.api.router;

import java.util.Map;

/**
 * What is known about a session when it is routed.
 *
 * @param sessionId the new session's id ({@code sess_…}); the fallback key when there is no user key
 * @param userKey   the sticky key ({@code ?user=}, {@code X-Parley-User} or session metadata), or null
 * @param headers   HTTP upgrade headers, names lower-cased
 * @param query     query parameters of the connect URL
 * @param metadata  session metadata supplied by the client, may be empty
 */
public record RoutingRequest(String sessionId, String userKey, Map<String, String> headers,
                             Map<String, String> query, Map<String, String> metadata) {
}
