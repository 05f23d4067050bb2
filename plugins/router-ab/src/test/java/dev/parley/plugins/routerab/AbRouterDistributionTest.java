package dev.parley.plugins.routerab;

import static dev.parley.plugins.routerab.Experiments.router;
import static dev.parley.plugins.routerab.Experiments.user;
import static dev.parley.plugins.routerab.Experiments.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Weighted assignment over many keys follows the weights, and re-salting reshuffles. */
class AbRouterDistributionTest {
    private static final int KEYS = 10_000;
    /** Allowed gap between observed and configured share, in percentage points. */
    private static final double TOLERANCE_PP = 2.0;

    @Test
    void fiftyFiftySplitsWithinTwoPoints() {
        assertSplit(Map.of("A", 50.0, "B", 50.0));
    }

    @Test
    void ninetyTenSplitsWithinTwoPoints() {
        assertSplit(Map.of("A", 90.0, "B", 10.0));
    }

    @Test
    void threeWayUnnormalisedWeightsSplitWithinTwoPoints() {
        assertSplit(Map.of("A", 1.0, "B", 1.0, "C", 2.0)); // 25 / 25 / 50
    }

    @Test
    void sessionsWithoutUserKeySplitByWeightToo() {
        AbRouter r = router(Map.of("experiment", "voice-test"), List.of(variant("A", 50), variant("B", 50)));
        int b = 0;
        for (int i = 0; i < KEYS; i++) {
            var d = r.route(new dev.parley.api.router.RoutingRequest("sess_" + i, null, Map.of(), Map.of(), Map.of()));
            assertEquals("weighted:session", d.reason());
            b += d.variant().equals("B") ? 1 : 0;
        }
        System.out.printf("per-session 50/50 over %d session ids: B = %.2f %%%n", KEYS, 100.0 * b / KEYS);
        assertTrue(Math.abs(100.0 * b / KEYS - 50) <= TOLERANCE_PP);
    }

    @Test
    void newSaltReshufflesAboutHalfOfTheUsers() {
        List<Map<String, Object>> variants = List.of(variant("A", 50), variant("B", 50));
        AbRouter first = router(Map.of("experiment", "voice-test"), variants);
        AbRouter resalted = router(Map.of("experiment", "voice-test", "salt", "voice-test-2"), variants);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            moved += first.route(user("user-" + i)).variant().equals(resalted.route(user("user-" + i)).variant())
                    ? 0 : 1;
        }
        System.out.printf("re-salting a 50/50 experiment moved %.2f %% of %d users (independent shuffle: 50 %%)%n",
                100.0 * moved / KEYS, KEYS);
        assertTrue(Math.abs(100.0 * moved / KEYS - 50) <= TOLERANCE_PP);
    }

    private static void assertSplit(Map<String, Double> weights) {
        Map<String, Double> ordered = new TreeMap<>(weights);
        List<Map<String, Object>> variants = ordered.entrySet().stream()
                .map(e -> variant(e.getKey(), e.getValue())).toList();
        AbRouter r = router(Map.of("experiment", "voice-test"), variants);
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < KEYS; i++) {
            var d = r.route(user("user-" + i));
            assertEquals("weighted", d.reason());
            counts.merge(d.variant(), 1, Integer::sum);
        }
        double total = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder line = new StringBuilder("weights " + ordered + " over " + KEYS + " keys →");
        for (var e : ordered.entrySet()) {
            double expected = 100 * e.getValue() / total;
            double observed = 100.0 * counts.getOrDefault(e.getKey(), 0) / KEYS;
            line.append(String.format(" %s %.2f %% (want %.1f)", e.getKey(), observed, expected));
            assertTrue(Math.abs(observed - expected) <= TOLERANCE_PP,
                    e.getKey() + ": observed " + observed + " %, expected " + expected + " ± " + TOLERANCE_PP);
        }
        System.out.println(line);
    }
}
