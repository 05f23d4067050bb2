package dev.parley.runtime.pipeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a router variant's overrides to a pipeline definition and re-validates the result.
 *
 * <p>{@code overrides} is shaped like a pipeline file ({@code sample_rate}, {@code overlap}, {@code session},
 * {@code stages}). Maps are deep-merged (the override wins per key); a stage whose override names a different
 * {@code provider}, or that is a list of alternatives, replaces the base stage whole (the old provider's config
 * would mean nothing to the new one); otherwise the override's {@code config} is deep-merged into the base
 * stage's config.
 */
public final class VariantOverrides {
    private VariantOverrides() {
    }

    /**
     * @param base        the base pipeline
     * @param variantName the variant's name, recorded in the result's {@link PipelineDefinition#variant()}
     * @param overrides   the variant's overrides; plain values or values read from the same file
     * @param yamlPath    where {@code overrides} sits in the base file (e.g. {@code variants.b}) so that errors keep
     *                    their line numbers; null when the overrides come from elsewhere
     * @param env         placeholder lookup
     * @throws PipelineException when the merged pipeline is invalid
     */
    public static PipelineDefinition apply(PipelineDefinition base, String variantName, Map<String, ?> overrides,
                                           String yamlPath, EnvInterpolator env) {
        YamlDocument doc = base.document();
        if (!(doc.root() instanceof Map<?, ?> root)) {
            throw new IllegalStateException("a parsed pipeline always has a map root");
        }
        Map<String, Integer> lines = new HashMap<>(doc.lines());
        Map<String, Object> merged = copy(root);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if ("stages".equals(key) && value instanceof Map<?, ?> stages && merged.get("stages") instanceof Map<?, ?> baseStages) {
                merged.put("stages", mergeStages(copy(baseStages), stages, lines));
            } else {
                merged.put(key, deepMerge(merged.get(key), value));
            }
        }
        if (yamlPath != null) {
            String prefix = yamlPath + ".";
            doc.lines().forEach((path, line) -> {
                if (path.startsWith(prefix)) {
                    lines.put(path.substring(prefix.length()), line);
                }
            });
        }
        YamlDocument variantDoc = new YamlDocument(doc.source(), merged, lines);
        return new PipelineParser(env).parse(variantDoc, variantName);
    }

    private static Map<String, Object> mergeStages(Map<String, Object> stages, Map<?, ?> overrides,
                                                   Map<String, Integer> lines) {
        overrides.forEach((k, over) -> {
            String kind = (String) k;
            Object baseStage = stages.get(kind);
            if (replacesWhole(baseStage, over)) {
                lines.keySet().removeIf(p -> p.startsWith("stages." + kind + ".") || p.startsWith("stages." + kind + "["));
                stages.put(kind, over);
            } else {
                stages.put(kind, deepMerge(baseStage, over));
            }
        });
        return stages;
    }

    private static boolean replacesWhole(Object baseStage, Object over) {
        if (!(baseStage instanceof Map<?, ?> base) || !(over instanceof Map<?, ?> o)) {
            return true;
        }
        return o.containsKey("provider") && !String.valueOf(o.get("provider")).equals(String.valueOf(base.get("provider")));
    }

    /** Maps merge key by key (override wins); anything else is replaced by the override. */
    static Object deepMerge(Object base, Object over) {
        if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
            Map<String, Object> out = copy(b);
            o.forEach((k, v) -> out.put((String) k, deepMerge(out.get(k), v)));
            return out;
        }
        return over;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, v instanceof Map<?, ?> m ? copy(m) : v instanceof List<?> l ? List.copyOf(l) : v));
        return out;
    }
}
