package dev.parley.plugins.routerab;

import static dev.parley.plugins.routerab.Experiments.request;
import static dev.parley.plugins.routerab.Experiments.router;
import static dev.parley.plugins.routerab.Experiments.user;
import static dev.parley.plugins.routerab.Experiments.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.router.RouteDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Order of precedence: forced, then disabled, then cohorts, then weights. */
class AbRouterRulesTest {
    @Test
    void cohortWinsOverWeights() {
        // B has no weighted traffic at all, so only the cohort can put anyone there
        AbRouter r = router(Map.of("experiment", "voice-test"),
                List.of(variant("A", 100), variant("B", 0, Map.of("user_prefix", "qa-"))));
        for (int i = 0; i < 200; i++) {
            assertEquals(new RouteDecision("B", "cohort:user_prefix=qa-"), r.route(user("qa-" + i)));
            assertEquals(new RouteDecision("A", "weighted"), r.route(user("user-" + i)));
        }
    }

    @Test
    void cohortConditionsOnHeadersQueryMetadataAndUserLists() {
        AbRouter r = router(Map.of("experiment", "voice-test", "cohorts", List.of(
                        Map.of("variant", "C", "name", "beta-pro",
                                "metadata", Map.of("plan", "pro"), "query", Map.of("beta", "1")),
                        Map.of("variant", "B", "header", Map.of("X-Team", List.of("qa", "voice"))),
                        Map.of("variant", "B", "user", List.of("alice", "bob")))),
                List.of(variant("A", 100), variant("B", 0), variant("C", 0)));
        assertEquals(new RouteDecision("C", "cohort:beta-pro"),
                r.route(request("u1", Map.of(), Map.of("beta", "1"), Map.of("plan", "pro"))));
        // both conditions of a rule must hold
        assertEquals("A", r.route(request("u1", Map.of(), Map.of("beta", "1"), Map.of("plan", "free"))).variant());
        assertEquals(new RouteDecision("B", "cohort:header.x-team=qa|voice"),
                r.route(request("u1", Map.of("x-team", "voice"), Map.of(), Map.of())));
        assertEquals(new RouteDecision("B", "cohort:user=alice|bob"), r.route(user("bob")));
        assertEquals("A", r.route(user("bobby")).variant());
    }

    @Test
    void routerLevelCohortsAreTriedBeforeVariantCohorts() {
        AbRouter r = router(Map.of("experiment", "x", "cohorts",
                        List.of(Map.of("variant", "A", "user", "qa-lead"))),
                List.of(variant("A", 50), variant("B", 50, Map.of("user_prefix", "qa-"))));
        assertEquals("A", r.route(user("qa-lead")).variant());
        assertEquals("B", r.route(user("qa-other")).variant());
    }

    @Test
    void forcedVariantBeatsCohortsAndWeights() {
        AbRouter r = router(Map.of("experiment", "voice-test"),
                List.of(variant("A", 100), variant("B", 0, Map.of("user_prefix", "qa-"))));
        assertEquals(new RouteDecision("A", "forced"),
                r.route(request("qa-1", Map.of(), Map.of("variant", "A"), Map.of())));
        assertEquals(new RouteDecision("B", "forced"),
                r.route(request(null, Map.of(), Map.of("variant", "B"), Map.of())));
    }

    @Test
    void unknownForcedVariantIsRefusedNamingTheChoices() {
        AbRouter r = router(Map.of("experiment", "voice-test"), List.of(variant("A", 50), variant("B", 50)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> r.route(request("u", Map.of(), Map.of("variant", "Z"), Map.of())));
        assertEquals("unknown variant 'Z' requested by ?variant=; experiment 'voice-test' has variants A, B",
                e.getMessage());
    }

    @Test
    void forcingCanBeRenamedOrDisabled() {
        List<Map<String, Object>> vs = List.of(variant("A", 100), variant("B", 0));
        AbRouter renamed = router(Map.of("experiment", "x", "force_param", "ab"), vs);
        assertEquals("B", renamed.route(request("u", Map.of(), Map.of("ab", "B"), Map.of())).variant());
        assertEquals("A", renamed.route(request("u", Map.of(), Map.of("variant", "B"), Map.of())).variant());
        AbRouter off = router(Map.of("experiment", "x", "force_param", ""), vs);
        assertEquals("A", off.route(request("u", Map.of(), Map.of("variant", "Z"), Map.of())).variant());
    }

    @Test
    void pausedExperimentServesTheDefaultVariant() {
        AbRouter r = router(Map.of("experiment", "x", "enabled", false, "default_variant", "B"),
                List.of(variant("A", 50, Map.of("user_prefix", "qa-")), variant("B", 50)));
        for (int i = 0; i < 100; i++) {
            assertEquals(new RouteDecision("B", "disabled"), r.route(user("qa-" + i)));
        }
        assertEquals("A", r.route(request("u", Map.of(), Map.of("variant", "A"), Map.of())).variant());
    }

    @Test
    void withoutWeightsVariantsSplitEvenly() {
        AbRouter r = router(Map.of("experiment", "x"),
                List.of(Map.of("name", "A"), Map.of("name", "B")));
        int a = 0;
        for (int i = 0; i < 10_000; i++) {
            a += r.route(user("k" + i)).variant().equals("A") ? 1 : 0;
        }
        assertTrue(Math.abs(a / 100.0 - 50) <= 2.0, "A got " + a / 100.0 + " %");
    }
}
