package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates an experiment. Keys of the {@code router.config} block:
 * <ul>
 *   <li>{@code experiment} (required, or taken from {@code pipeline}): the experiment's name</li>
 *   <li>{@code salt} (default: the experiment name): hashed with the user key; change it to reshuffle users</li>
 *   <li>{@code default_variant} (default: the first variant): what everyone gets while {@code enabled: false}</li>
 *   <li>{@code enabled} (default true)</li>
 *   <li>{@code force_param} (default {@code variant}): query parameter that forces a variant; empty disables it</li>
 *   <li>{@code cohorts}: a list of cohort rules, each with a {@code variant:} key (see {@link CohortRuleParser})</li>
 * </ul>
 * The runtime adds the pipeline's variants as a list under {@code variants} (entries: {@code name},
 * {@code weight}, optional {@code cohort}, {@code overrides} (read only by the runtime), and optionally
 * {@code source}, where the entry was declared, e.g. {@code pipelines/ab-test.yaml:14 variants.B}), and where the
 * list was declared under {@code variants_source}. Every problem is a {@link ConfigException} naming file and key.
 */
public final class AbRouterConfigParser {
    private static final Set<String> ROUTER_KEYS = Set.of("experiment", "pipeline", "salt", "default_variant",
            "enabled", "force_param", "cohorts", "variants", "variants_source");
    private static final Set<String> VARIANT_KEYS = Set.of("name", "weight", "cohort", "overrides", "description",
            "source");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private AbRouterConfigParser() {
    }

    public static AbRouterConfig parse(ComponentConfig config) {
        String src = config.source();
        for (String key : config.asMap().keySet()) {
            if (!ROUTER_KEYS.contains(key)) {
                throw new ConfigException(src + ": unknown key '" + key + "' (known: experiment, salt, "
                        + "default_variant, enabled, force_param, cohorts)");
            }
        }
        String experiment = config.string("experiment").filter(s -> !s.isBlank())
                .or(() -> config.string("pipeline").filter(s -> !s.isBlank()))
                .orElseThrow(() -> new ConfigException(src + ": missing required key 'experiment' "
                        + "(the experiment's name, e.g. experiment: voice-test)"));
        String variantsSrc = config.string("variants_source").orElse(src + ".variants");
        List<CohortRule> variantCohorts = new ArrayList<>();
        List<VariantWeight> variants = parseVariants(config.list("variants"), variantsSrc, variantCohorts);
        Set<String> names = new LinkedHashSet<>(variants.stream().map(VariantWeight::name).toList());

        List<CohortRule> cohorts = new ArrayList<>();
        List<Object> routerCohorts = config.list("cohorts");
        for (int i = 0; i < routerCohorts.size(); i++) {
            String where = src + ".cohorts[" + i + "]";
            CohortRule rule = CohortRuleParser.parse(asMap(routerCohorts.get(i), where), null, where);
            if (!names.contains(rule.variant())) {
                throw new ConfigException(where + ".variant: unknown variant '" + rule.variant() + "' (declared: "
                        + String.join(", ", names) + ")");
            }
            cohorts.add(rule);
        }
        cohorts.addAll(variantCohorts);

        String defaultVariant = config.string("default_variant", variants.get(0).name());
        if (!names.contains(defaultVariant)) {
            throw new ConfigException(src + ".default_variant: unknown variant '" + defaultVariant
                    + "' (declared: " + String.join(", ", variants.stream().map(VariantWeight::name).toList()) + ")");
        }
        String force = config.string("force_param", "variant").trim();
        return new AbRouterConfig(experiment, config.string("salt", experiment), defaultVariant,
                config.bool("enabled", true), force.isEmpty() ? null : force, variants, cohorts);
    }

    private static List<VariantWeight> parseVariants(List<Object> raw, String src, List<CohortRule> cohortsOut) {
        if (raw.isEmpty()) {
            throw new ConfigException(src + ": an A/B router needs at least one variant; list them under the "
                    + "pipeline's top-level 'variants:' key (each with name and weight)");
        }
        boolean anyWeight = raw.stream().anyMatch(o -> o instanceof Map<?, ?> m && m.containsKey("weight"));
        List<VariantWeight> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double total = 0;
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> entry = asMap(raw.get(i), src + "[" + i + "]");
            Object nameValue = entry.get("name");
            String name = nameValue == null ? "" : nameValue.toString().trim();
            String where = entry.get("source") != null ? entry.get("source").toString()
                    : src + "[" + i + "]" + (name.isEmpty() ? "" : " (" + name + ")");
            if (name.isEmpty() || !NAME.matcher(name).matches()) {
                throw new ConfigException(where + ".name: each variant needs a name of letters, digits, '_', '.' "
                        + "or '-', got '" + name + "'");
            }
            if (!seen.add(name)) {
                throw new ConfigException(where + ".name: duplicate variant '" + name + "'; names must be unique");
            }
            for (String key : entry.keySet()) {
                if (!VARIANT_KEYS.contains(key)) {
                    throw new ConfigException(where + ": unknown key '" + key
                            + "' (known: name, weight, cohort, overrides, description)");
                }
            }
            double weight = weight(entry, anyWeight, where);
            total += weight;
            out.add(new VariantWeight(name, weight));
            if (entry.get("cohort") != null) {
                cohortsOut.add(CohortRuleParser.parse(asMap(entry.get("cohort"), where + ".cohort"), name,
                        where + ".cohort"));
            }
        }
        if (total <= 0) {
            throw new ConfigException(src + ": the variant weights sum to 0, so no session could be assigned; "
                    + "give at least one variant a weight above 0");
        }
        return out;
    }

    private static double weight(Map<String, Object> entry, boolean anyWeight, String where) {
        Object w = entry.get("weight");
        if (w == null) {
            if (anyWeight) {
                throw new ConfigException(where + ".weight: missing; other variants set a weight, so every "
                        + "variant needs one (0 is allowed)");
            }
            return 1; // no variant states a weight: split evenly
        }
        double value;
        try {
            value = w instanceof Number n ? n.doubleValue() : Double.parseDouble(w.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ".weight: must be a number ≥ 0, got '" + w + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(where + ".weight: must be a number ≥ 0, got " + w);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ConfigException(where + ": must be a map, got " + (value == null ? "nothing" : "'" + value + "'"));
    }
}
