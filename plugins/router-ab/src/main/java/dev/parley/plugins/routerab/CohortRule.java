package dev.parley.plugins.routerab;

import dev.parley.api.router.RoutingRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the sessions that match every one of its conditions to one variant, before weights are looked at.
 * A condition with several allowed values matches any of them. Header names are compared lower-cased (the
 * runtime lower-cases request headers); values are compared exactly.
 *
 * @param variant     the variant matching sessions get
 * @param label       shown in the route reason, {@code cohort:<label>}
 * @param users       exact user keys (empty: no condition)
 * @param userPrefixes user key prefixes (empty: no condition)
 * @param headers     header name → allowed values
 * @param query       query parameter → allowed values
 * @param metadata    session metadata key → allowed values
 */
public record CohortRule(String variant, String label, Set<String> users, List<String> userPrefixes,
                         Map<String, Set<String>> headers, Map<String, Set<String>> query,
                         Map<String, Set<String>> metadata) {

    /** True when the request satisfies every condition of this rule. */
    public boolean matches(RoutingRequest request) {
        String user = request.userKey();
        if (!users.isEmpty() && (user == null || !users.contains(user))) {
            return false;
        }
        if (!userPrefixes.isEmpty() && (user == null || userPrefixes.stream().noneMatch(user::startsWith))) {
            return false;
        }
        return allMatch(headers, request.headers()) && allMatch(query, request.query())
                && allMatch(metadata, request.metadata());
    }

    private static boolean allMatch(Map<String, Set<String>> wanted, Map<String, String> actual) {
        for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
            String value = actual == null ? null : actual.get(e.getKey());
            if (value == null || !e.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
