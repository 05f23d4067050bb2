package dev.parley.plugins.routerab;

/**
 * A variant's share of weighted traffic.
 *
 * @param name   the variant's name as declared in the pipeline
 * @param weight relative weight, ≥ 0; 0 means the variant is reached only through a cohort or by forcing
 */
public record VariantWeight(String name, double weight) {
}
