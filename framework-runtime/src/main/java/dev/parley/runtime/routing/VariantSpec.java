package dev.parley.runtime.routing;

import java.util.Map;

/**
 * One entry of a pipeline's {@code variants:} map, before assembly.
 *
 * @param name      the variant's name (its key under {@code variants:})
 * @param entry     the whole entry: {@code weight}, {@code cohort}, {@code overrides}, … (handed to the router)
 * @param overrides the {@code overrides:} block, shaped like a pipeline file ({@code stages}, {@code session},
 *                  {@code sample_rate}, {@code overlap}); empty for a variant that is the base pipeline as is
 * @param yamlPath  where the overrides sit in the file, {@code variants.<name>.overrides}
 * @param source    where the entry was declared, e.g. {@code pipelines/ab-test.yaml:14 variants.B}
 */
public record VariantSpec(String name, Map<String, Object> entry, Map<String, Object> overrides, String yamlPath,
                          String source) {
}
