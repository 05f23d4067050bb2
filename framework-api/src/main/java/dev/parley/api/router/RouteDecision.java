package dev.parley.api.router;

/**
 * @param variant the variant's name as declared in the pipeline
 * @param reason  why it was chosen: {@code forced}, {@code cohort:<rule>}, {@code weighted}
 */
public record RouteDecision(String variant, String reason) {
}
