package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.RoutingRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds router configs the way the runtime hands them over (router.config + variants), for tests. */
final class Experiments {
    static final String SOURCE = "pipelines/ab-test.yaml:9 router.config";
    static final String VARIANTS_SOURCE = "pipelines/ab-test.yaml:12 variants";

    private Experiments() {
    }

    static Map<String, Object> variant(String name, double weight) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("weight", weight);
        return v;
    }

    static Map<String, Object> variant(String name, double weight, Map<String, Object> cohort) {
        Map<String, Object> v = variant(name, weight);
        v.put("cohort", cohort);
        return v;
    }

    static ComponentConfig config(Map<String, Object> routerConfig, List<Map<String, Object>> variants) {
        Map<String, Object> all = new LinkedHashMap<>(routerConfig);
        all.put("variants", new ArrayList<>(variants));
        all.put("variants_source", VARIANTS_SOURCE);
        return new ComponentConfig(all, SOURCE);
    }

    static AbRouter router(Map<String, Object> routerConfig, List<Map<String, Object>> variants) {
        return (AbRouter) new AbRouterProvider().create(config(routerConfig, variants));
    }

    static RoutingRequest user(String key) {
        return new RoutingRequest("sess_" + key, key, Map.of(), Map.of(), Map.of());
    }

    static RoutingRequest request(String user, Map<String, String> headers, Map<String, String> query,
                                  Map<String, String> metadata) {
        return new RoutingRequest("sess_test", user, headers, query, metadata);
    }
}
