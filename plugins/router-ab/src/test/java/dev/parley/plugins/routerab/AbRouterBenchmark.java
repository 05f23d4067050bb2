package dev.parley.plugins.routerab;

import static dev.parley.plugins.routerab.Experiments.router;
import static dev.parley.plugins.routerab.Experiments.variant;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.router.RoutingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cost of one routing decision (runs once per connection). Prints figures; asserts only that it ran. */
class AbRouterBenchmark {
    @Test
    void routeCost() {
        AbRouter r = router(Map.of("experiment", "voice-test", "cohorts", List.of(
                        Map.of("variant", "B", "header", Map.of("x-team", "qa")),
                        Map.of("variant", "C", "metadata", Map.of("plan", "pro")))),
                List.of(variant("A", 45), variant("B", 45), variant("C", 10, Map.of("user_prefix", "qa-"))));
        int n = 200_000;
        RoutingRequest[] requests = new RoutingRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new RoutingRequest("sess_" + i, "user-" + i, Map.of("origin", "x"), Map.of(), Map.of());
        }
        int sink = 0;
        for (int i = 0; i < n; i++) { // warm-up
            sink += r.route(requests[i & 1023]).variant().length();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += r.route(requests[i & 1023]).variant().length();
        }
        double nsPerRoute = (System.nanoTime() - t0) / (double) n;
        System.out.printf("%-44s %10s%n", "case", "ns/route");
        System.out.printf("%-44s %10.0f%n", "3 variants, 3 cohort rules, sticky user key", nsPerRoute);
        assertTrue(sink > 0);
    }
}
