package dev.parley.runtime.routing;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineException;
import dev.parley.runtime.pipeline.StageDefinition;
import dev.parley.runtime.pipeline.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The experiment a pipeline file declares with {@code router:} and {@code variants:}, validated at load time:
 * <pre>
 * router:
 *   provider: ab
 *   config: { experiment: voice-test }
 * variants:
 *   A: { weight: 50 }
 *   B:
 *     weight: 50
 *     cohort: { user_prefix: "qa-" }
 *     overrides:
 *       stages: { tts: { config: { voice: cmu-bdl-hsmm } } }
 *       session: { instructions: "Be brief." }
 * </pre>
 * Overrides may touch {@code stages} (only the five stage names; a stage the base lacks needs a
 * {@code provider}), {@code session}, {@code sample_rate} and {@code overlap}; anything else is an error naming
 * file, line and key.
 *
 * @param router       the {@code router:} block's provider and config
 * @param variants     in declared order (the order weights are laid out in)
 * @param routerConfig what the router provider's {@code create} gets: {@code router.config} plus the variants as
 *                     a list under {@code variants} (see {@code AbRouterConfigParser} of the router-ab plugin)
 */
public record ExperimentDefinition(StageDefinition router, List<VariantSpec> variants, ComponentConfig routerConfig) {
    private static final Set<String> OVERRIDABLE = Set.of("stages", "session", "sample_rate", "overlap");
    private static final Set<String> STAGES = Set.of("vad", "stt", "turn", "llm", "tts");

    /** @return the experiment, or null when the pipeline declares neither router nor variants */
    public static ExperimentDefinition of(PipelineDefinition definition) {
        YamlDocument doc = definition.document();
        StageDefinition router = definition.routerStage();
        if (router == null && definition.variants().isEmpty()) {
            return null;
        }
        if (router == null) {
            throw new PipelineException(doc.at("variants"), "variants", "variants need a router to choose between "
                    + "them; add `router: {provider: ab, config: {experiment: NAME}}`");
        }
        List<VariantSpec> variants = new ArrayList<>();
        List<Object> forRouter = new ArrayList<>();
        for (Map.Entry<String, Object> e : definition.variants().entrySet()) {
            VariantSpec spec = variant(definition, e.getKey(), e.getValue());
            variants.add(spec);
            Map<String, Object> entry = new LinkedHashMap<>(spec.entry());
            entry.put("name", spec.name());
            entry.put("source", spec.source());
            forRouter.add(entry);
        }
        Map<String, Object> config = new LinkedHashMap<>(router.config().asMap());
        config.put("variants", forRouter);
        config.put("variants_source", doc.at("variants") + " variants");
        return new ExperimentDefinition(router, variants, new ComponentConfig(config, router.config().source()));
    }

    private static VariantSpec variant(PipelineDefinition definition, String name, Object value) {
        YamlDocument doc = definition.document();
        String path = "variants." + name;
        Map<String, Object> entry = map(doc, value, path, "a variant is a map: {weight: N, cohort: {...}, "
                + "overrides: {stages: ..., session: ...}}");
        String overridesPath = path + ".overrides";
        Map<String, Object> overrides = map(doc, entry.get("overrides"), overridesPath,
                "overrides are shaped like a pipeline file: {stages: {...}, session: {...}}");
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            String key = overridesPath + "." + o.getKey();
            if (!OVERRIDABLE.contains(o.getKey())) {
                throw new PipelineException(doc.at(key), key, "a variant cannot override this; it can override "
                        + "stages, session, sample_rate and overlap");
            }
            if (o.getKey().equals("stages")) {
                checkStages(definition, map(doc, o.getValue(), key, "stages is a map of stage name to "
                        + "{provider: ID, config: {...}}"), key);
            }
        }
        return new VariantSpec(name, entry, overrides, overridesPath, doc.at(path) + " " + path);
    }

    private static void checkStages(PipelineDefinition definition, Map<String, Object> stages, String path) {
        YamlDocument doc = definition.document();
        for (Map.Entry<String, Object> s : stages.entrySet()) {
            String key = path + "." + s.getKey();
            if (!STAGES.contains(s.getKey())) {
                throw new PipelineException(doc.at(key), key, "unknown stage; a variant can override vad, stt, "
                        + "turn, llm and tts (the base pipeline has " + String.join(", ",
                        definition.stages().keySet().stream().map(ComponentKind::yamlKey).toList()) + ")");
            }
            boolean inBase = definition.stage(ComponentKind.fromYamlKey(s.getKey())) != null;
            boolean namesProvider = s.getValue() instanceof Map<?, ?> m && m.get("provider") != null
                    || s.getValue() instanceof List<?>;
            if (!inBase && !namesProvider) {
                throw new PipelineException(doc.at(key), key, "the base pipeline has no " + s.getKey()
                        + " stage to override; name a provider to add one ({provider: ID, config: {...}})");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(YamlDocument doc, Object value, String path, String expected) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new PipelineException(doc.at(path), path, "must be a map; " + expected);
    }
}
