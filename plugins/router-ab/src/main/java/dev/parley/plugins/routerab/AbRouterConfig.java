package dev.parley.plugins.routerab;

import java.util.List;

/**
 * The validated configuration of one experiment.
 *
 * @param experiment     experiment name; shown in logs and metrics
 * @param salt           hashed together with the user key; changing it reshuffles every user (default: experiment)
 * @param defaultVariant the variant everyone gets while {@code enabled} is false
 * @param enabled        false pauses the experiment: cohorts and weights are ignored, forced variants still work
 * @param forceParam     the query parameter that forces a variant for QA, or null when forcing is disabled
 * @param variants       the variants and their weights, in declared order (at least one)
 * @param cohorts        cohort rules, in the order they are tried (router-level {@code cohorts:} first, then the
 *                       {@code cohort:} of each variant)
 */
public record AbRouterConfig(String experiment, String salt, String defaultVariant, boolean enabled,
                             String forceParam, List<VariantWeight> variants, List<CohortRule> cohorts) {
    public AbRouterConfig {
        variants = List.copyOf(variants);
        cohorts = List.copyOf(cohorts);
    }

    /** True when a variant of that exact name is declared. */
    public boolean hasVariant(String name) {
        return variants.stream().anyMatch(v -> v.name().equals(name));
    }

    /** The declared names, comma-separated, for error messages. */
    public String variantNames() {
        return String.join(", ", variants.stream().map(VariantWeight::name).toList());
    }
}
