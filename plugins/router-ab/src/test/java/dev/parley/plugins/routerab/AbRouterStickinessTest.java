package dev.parley.plugins.routerab;

import static dev.parley.plugins.routerab.Experiments.router;
import static dev.parley.plugins.routerab.Experiments.user;
import static dev.parley.plugins.routerab.Experiments.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.router.RoutingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same key gets the same variant from every router instance, on every node, after every restart. */
class AbRouterStickinessTest {
    private static final List<Map<String, Object>> VARIANTS = List.of(variant("A", 50), variant("B", 50));

    @Test
    void sameKeySameVariantAcrossFreshRouterInstances() {
        AbRouter nodeOne = router(Map.of("experiment", "voice-test"), VARIANTS);
        AbRouter nodeTwo = router(Map.of("experiment", "voice-test"), VARIANTS);
        for (int i = 0; i < 2_000; i++) {
            RoutingRequest first = user("user-" + i);
            // a reconnect: new session id, same user key
            RoutingRequest again = new RoutingRequest("sess_other" + i, "user-" + i, Map.of(), Map.of(), Map.of());
            String v = nodeOne.route(first).variant();
            assertEquals(v, nodeOne.route(again).variant());
            assertEquals(v, nodeTwo.route(again).variant());
        }
    }

    /**
     * Golden buckets computed outside Java (Python: {@code int.from_bytes(sha256(b"voice-test:alice")[:8], "big")
     * >> 1 % 10000}): the hash depends on nothing but salt and key, so any node, JVM or language agrees.
     */
    @Test
    void bucketsMatchAnIndependentImplementation() {
        StickyBucketer b = new StickyBucketer("voice-test");
        assertEquals(3886, b.bucket("alice"));
        assertEquals(6042, b.bucket("bob"));
        assertEquals(7115, b.bucket("qa-carol"));
        assertEquals(805, new StickyBucketer("other-salt").bucket("alice"));
        AbRouter r = router(Map.of("experiment", "voice-test"), VARIANTS);
        assertEquals("A", r.route(user("alice")).variant()); // bucket 3886 < 5000
        assertEquals("B", r.route(user("bob")).variant());   // bucket 6042 ≥ 5000
    }

    @Test
    void withoutUserKeyTheSessionIdIsTheKey() {
        AbRouter r = router(Map.of("experiment", "voice-test"), VARIANTS);
        RoutingRequest anon = new RoutingRequest("sess_abc123", null, Map.of(), Map.of(), Map.of());
        RoutingRequest blank = new RoutingRequest("sess_abc123", " ", Map.of(), Map.of(), Map.of());
        var d = r.route(anon);
        assertEquals("weighted:session", d.reason());
        assertEquals(d, r.route(blank));
        assertEquals(d, router(Map.of("experiment", "voice-test"), VARIANTS).route(anon));
    }
}
