package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.RouterProvider;
import dev.parley.tck.RouterTck;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The conformance kit's router suite on the A/B router, three weighted variants as the runtime hands them over. */
class AbRouterTckTest extends RouterTck {
    @Override
    protected RouterProvider provider() {
        return new AbRouterProvider();
    }

    @Override
    protected ComponentConfig config() {
        return Experiments.config(Map.of("experiment", "tck"),
                List.of(Experiments.variant("A", 50), Experiments.variant("B", 30), Experiments.variant("C", 20)));
    }

    @Override
    protected Set<String> variants() {
        return Set.of("A", "B", "C");
    }
}
