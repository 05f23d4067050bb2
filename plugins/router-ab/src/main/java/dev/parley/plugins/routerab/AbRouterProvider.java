package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigKey;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
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
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("experiment", ConfigType.STRING, ConfigKey.REQUIRED,
                    "the experiment's name: logs, journal file build/experiments/<experiment>.jsonl")
            .key("salt", ConfigType.STRING, "the experiment name",
                    "hashed with the user key; change it to reshuffle everyone")
            .key("default_variant", ConfigType.STRING, "the first variant",
                    "served to everyone while enabled is false")
            .key("enabled", ConfigType.BOOLEAN, "true",
                    "false pauses the experiment (forcing still works)")
            .key("force_param", ConfigType.STRING, "variant",
                    "query parameter that forces a variant; \"\" disables forcing")
            .key("cohorts", ConfigType.LIST, "none",
                    "cohort rules, each with variant: NAME, tried before the variants' own cohorts")
            .build();

    @Override
    public String id() {
        return "ab";
    }

    @Override
    public String description() {
        return "A/B variants: sticky hashing by user key, cohorts, weights, ?variant= for QA";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public Router create(ComponentConfig config) {
        return new AbRouter(AbRouterConfigParser.parse(config));
    }
}
