package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.Router;
import dev.parley.api.router.RouterProvider;
import org.pf4j.Extension;

/**
 * The {@code ab} router: sticky weighted A/B assignment with cohort rules and a forced variant for QA.
 * Takes the pipeline's {@code router.config} block with the pipeline's {@code variants:} list added under the
 * key {@code variants} (see {@link AbRouterConfigParser} for every key); returns an {@link AbRouter}.
 */
@Extension
public class AbRouterProvider implements RouterProvider {
    @Override
    public String id() {
        return "ab";
    }

    @Override
    public String description() {
        return "A/B variants: sticky hashing by user key, cohorts, weights, ?variant= for QA";
    }

    @Override
    public Router create(ComponentConfig config) {
        return new AbRouter(AbRouterConfigParser.parse(config));
    }
}
