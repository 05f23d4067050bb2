package dev.parley.plugins.routerab;

import static dev.parley.plugins.routerab.Experiments.config;
import static dev.parley.plugins.routerab.Experiments.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad experiment is refused at load time with the file, the key and what to do. */
class AbRouterConfigErrorsTest {
    private static String error(Map<String, Object> router, List<Map<String, Object>> variants) {
        return assertThrows(ConfigException.class, () -> new AbRouterProvider().create(config(router, variants)))
                .getMessage();
    }

    private static final Map<String, Object> EXP = Map.of("experiment", "voice-test");

    @Test
    void weightsSummingToZero() {
        assertEquals("pipelines/ab-test.yaml:12 variants: the variant weights sum to 0, so no session could be "
                        + "assigned; give at least one variant a weight above 0",
                error(EXP, List.of(variant("A", 0), variant("B", 0))));
    }

    @Test
    void negativeWeight() {
        assertEquals("pipelines/ab-test.yaml:12 variants[1] (B).weight: must be a number ≥ 0, got -5.0",
                error(EXP, List.of(variant("A", 50), variant("B", -5))));
    }

    @Test
    void nonNumericOrMissingWeight() {
        assertEquals("pipelines/ab-test.yaml:12 variants[0] (A).weight: must be a number ≥ 0, got 'half'",
                error(EXP, List.of(Map.of("name", "A", "weight", "half"), variant("B", 1))));
        assertEquals("pipelines/ab-test.yaml:12 variants[1] (B).weight: missing; other variants set a weight, so "
                + "every variant needs one (0 is allowed)", error(EXP, List.of(variant("A", 1), Map.of("name", "B"))));
    }

    @Test
    void entriesDeclaredInAFileAreNamedByTheirOwnSource() {
        Map<String, Object> b = new java.util.LinkedHashMap<>(variant("B", -1));
        b.put("source", "pipelines/ab-test.yaml:21 variants.B");
        assertEquals("pipelines/ab-test.yaml:21 variants.B.weight: must be a number ≥ 0, got -1.0",
                error(EXP, List.of(variant("A", 1), b)));
    }

    @Test
    void duplicateVariant() {
        assertEquals("pipelines/ab-test.yaml:12 variants[1] (A).name: duplicate variant 'A'; names must be unique",
                error(EXP, List.of(variant("A", 50), variant("A", 50))));
    }

    @Test
    void cohortNamingAnUnknownVariant() {
        assertEquals("pipelines/ab-test.yaml:9 router.config.cohorts[0].variant: unknown variant 'C' "
                        + "(declared: A, B)",
                error(Map.of("experiment", "x", "cohorts", List.of(Map.of("variant", "C", "user", "alice"))),
                        List.of(variant("A", 50), variant("B", 50))));
    }

    @Test
    void unknownDefaultVariant() {
        assertEquals("pipelines/ab-test.yaml:9 router.config.default_variant: unknown variant 'Z' (declared: A, B)",
                error(Map.of("experiment", "x", "default_variant", "Z"), List.of(variant("A", 1), variant("B", 1))));
    }

    @Test
    void cohortTyposAndEmptyCohorts() {
        assertEquals("pipelines/ab-test.yaml:12 variants[1] (B).cohort: unknown cohort key 'usr_prefix' "
                        + "(known: user, user_prefix, header, query, metadata, name)",
                error(EXP, List.of(variant("A", 1), variant("B", 1, Map.of("usr_prefix", "qa-")))));
        assertEquals("pipelines/ab-test.yaml:12 variants[1] (B).cohort: a cohort needs at least one condition "
                        + "(user, user_prefix, header, query or metadata); to send everyone to a variant use "
                        + "weights instead",
                error(EXP, List.of(variant("A", 1), variant("B", 1, Map.of("name", "everyone")))));
    }

    @Test
    void missingExperimentNoVariantsAndUnknownKeys() {
        assertEquals("pipelines/ab-test.yaml:9 router.config: missing required key 'experiment' (the experiment's "
                + "name, e.g. experiment: voice-test)", error(Map.of(), List.of(variant("A", 1))));
        assertEquals("pipelines/ab-test.yaml:12 variants: an A/B router needs at least one variant; list them under "
                + "the pipeline's top-level 'variants:' key (each with name and weight)", error(EXP, List.of()));
        assertEquals("pipelines/ab-test.yaml:9 router.config: unknown key 'experimnt' (known: experiment, salt, "
                        + "default_variant, enabled, force_param, cohorts)",
                error(Map.of("experimnt", "x"), List.of(variant("A", 1))));
        assertEquals("pipelines/ab-test.yaml:12 variants[0] (A): unknown key 'wieght' (known: name, weight, "
                + "cohort, overrides, description)", error(EXP, List.of(Map.of("name", "A", "wieght", 1))));
    }
}
