package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.RouteDecision;
import dev.parley.api.router.Router;
import dev.parley.api.router.RouterProvider;
import dev.parley.api.router.RoutingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance suite for routers ({@link RouterProvider}, {@link Router}). Supply the provider, a config and the
 * variant names it declares. It checks, over 500 user keys:
 * <ul>
 *   <li>a decision is never null, names a declared variant and gives a reason;</li>
 *   <li>deterministic assignment for a key: the same user key gets the same variant on every session (new
 *       session ids), from a second router built from the same config (a restart or another node), and from
 *       four threads at once;</li>
 *   <li>without a user key, the session id is the key: the same session id gets the same variant;</li>
 *   <li>with more than one variant declared, the keys do not all land on one variant.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RouterTck {
    private static final int KEYS = 500;

    protected abstract RouterProvider provider();

    protected abstract ComponentConfig config();

    /** The variant names {@link #config()} declares. */
    protected abstract Set<String> variants();

    private RoutingRequest request(String session, String user) {
        return new RoutingRequest(session, user, Map.of(), Map.of(), Map.of());
    }

    private Router newRouter() {
        Router r = provider().create(config());
        assertNotNull(r, provider().id() + ": create() returned null");
        return r;
    }

    private List<String> route(Router router, String sessionPrefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            out.add(check(router.route(request(sessionPrefix + i, "user-" + i))).variant());
        }
        return out;
    }

    private RouteDecision check(RouteDecision d) {
        assertNotNull(d, "route() returned null");
        assertTrue(variants().contains(d.variant()), "variant '" + d.variant() + "' is not one of " + variants());
        assertNotNull(d.reason(), "decision without a reason");
        assertFalse(d.reason().isBlank(), "decision with a blank reason");
        return d;
    }

    @Test
    void givesAUserKeyTheSameVariantOnEverySession() {
        Router router = newRouter();
        assertEquals(route(router, "sess_a"), route(router, "sess_b"), "a user's variant changed between sessions");
    }

    @Test
    void givesAUserKeyTheSameVariantAfterARestart() {
        assertEquals(route(newRouter(), "sess_a"), route(newRouter(), "sess_b"),
                "a second router from the same config assigned users differently");
    }

    @Test
    void routesTheSameFromFourThreadsAtOnce() throws Exception {
        Router router = newRouter();
        List<String> serial = route(router, "sess_s");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String prefix = "sess_t" + t + "_";
                runs.add(pool.submit(() -> route(router, prefix)));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(serial, run.get(), "concurrent routing assigned users differently");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void usesTheSessionIdWhenThereIsNoUserKey() {
        Router router = newRouter();
        for (int i = 0; i < KEYS; i++) {
            String session = "sess_" + Integer.toHexString(i * 7919);
            RouteDecision first = check(router.route(request(session, null)));
            RouteDecision again = check(router.route(request(session, null)));
            assertEquals(first.variant(), again.variant(), "session " + session + " routed differently twice");
        }
    }

    @Test
    void spreadsUsersOverTheVariants() {
        Set<String> used = new HashSet<>(route(newRouter(), "sess_"));
        if (variants().size() > 1) {
            assertTrue(used.size() > 1, KEYS + " users all got " + used + " of " + variants());
        }
    }
}
