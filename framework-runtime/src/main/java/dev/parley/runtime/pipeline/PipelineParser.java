package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads pipeline YAML into a {@link PipelineDefinition}: checks its structure (known keys, required stages, value
 * types) and expands {@code ${ENV:-default}} placeholders. Whether the named providers exist is checked later by
 * {@link PipelineValidator}, against the loaded plugins. Every error names file, line and key.
 */
public final class PipelineParser {
    /** The top-level keys a pipeline file may have, in documentation order. */
    public static final List<String> TOP_LEVEL_KEYS =
            List.of("name", "sample_rate", "overlap", "session", "stages", "router", "variants", "record");
    /** Stages every pipeline must declare; {@code turn} and {@code denoise} are optional. */
    public static final Set<ComponentKind> REQUIRED_STAGES =
            Set.of(ComponentKind.VAD, ComponentKind.STT, ComponentKind.LLM, ComponentKind.TTS);
    private static final List<ComponentKind> STAGE_KINDS = List.of(ComponentKind.DENOISE, ComponentKind.VAD,
            ComponentKind.STT, ComponentKind.TURN, ComponentKind.LLM, ComponentKind.TTS);

    private final EnvInterpolator env;

    /** A parser reading the process environment. */
    public PipelineParser() {
        this(EnvInterpolator.system());
    }

    public PipelineParser(EnvInterpolator env) {
        this.env = env;
    }

    /** Parses a pipeline file; messages name it relative to the working directory when it lies below it. */
    public PipelineDefinition parse(Path file) {
        String source = PipelineSources.display(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PipelineException("pipeline file " + source + " does not exist", e);
        } catch (IOException e) {
            throw new PipelineException("cannot read pipeline file " + source + ": " + e, e);
        }
        return parse(source, text);
    }

    /** Parses YAML text; {@code source} names it in messages (a path, or {@code classpath:pipelines/x.yaml}). */
    public PipelineDefinition parse(String source, String yaml) {
        return parse(YamlTreeReader.read(source, yaml), null);
    }

    /** Parses an already read document (used again for router variants). */
    public PipelineDefinition parse(YamlDocument doc, String variant) {
        TreeResolver resolver = new TreeResolver(doc, env);
        if (!(doc.root() instanceof Map<?, ?> top)) {
            throw new PipelineException(doc.source() + ":1", "", "a pipeline must be a map with `stages:`, got "
                    + TreeResolver.describe(doc.root()));
        }
        for (Object key : top.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new PipelineException(doc.at((String) key), (String) key,
                        "unknown key; a pipeline has " + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        String name = top.containsKey("name") ? resolver.string(top.get("name"), "name").trim() : "";
        int sampleRate = sampleRate(resolver, top.get("sample_rate"));
        boolean overlap = flag(resolver, top.get("overlap"), "overlap", true);
        ComponentConfig session = new ComponentConfig(resolver.map(top.get("session"), "session"),
                doc.at("session") + " session");
        Map<ComponentKind, StageDefinition> stages = stages(resolver, top.get("stages"));
        Map<String, Object> router = resolver.map(top.get("router"), "router");
        StageDefinition routerStage = router.isEmpty() ? null
                : new StageParser(resolver).parse(ComponentKind.ROUTER, routerStageOnly(top.get("router")), "router");
        Map<String, Object> variants = resolver.map(top.get("variants"), "variants");
        RecordBlock.read(resolver, top.get("record")); // checked here; serve reads it again (RecordBlock.of)
        return new PipelineDefinition(name.isEmpty() ? PipelineSources.baseName(doc.source()) : name, variant,
                doc.source(), sampleRate, overlap, session, stages, routerStage, router, variants, doc);
    }

    private Map<ComponentKind, StageDefinition> stages(TreeResolver resolver, Object value) {
        YamlDocument doc = resolver.document();
        if (value == null) {
            throw new PipelineException(doc.source() + ":1", "stages", "missing; a pipeline needs stages vad, stt,"
                    + " llm and tts (turn and denoise are optional)");
        }
        if (!(value instanceof Map<?, ?> declared)) {
            throw new PipelineException(doc.at("stages"), "stages", "must be a map of stage name to"
                    + " {provider: ID, config: {...}}, got " + TreeResolver.describe(value));
        }
        for (Object key : declared.keySet()) {
            ComponentKind kind = ComponentKind.fromYamlKey((String) key);
            if (kind == null || !STAGE_KINDS.contains(kind)) {
                throw new PipelineException(doc.at("stages." + key), "stages." + key, "unknown stage; stages are"
                        + " denoise, vad, stt, turn, llm, tts" + (kind == ComponentKind.ROUTER ? " (router is top-level)" : ""));
            }
        }
        StageParser parser = new StageParser(resolver);
        Map<ComponentKind, StageDefinition> stages = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : STAGE_KINDS) {
            Object stage = declared.get(kind.yamlKey());
            if (stage != null) {
                stages.put(kind, parser.parse(kind, stage, "stages." + kind.yamlKey()));
            } else if (REQUIRED_STAGES.contains(kind)) {
                throw new PipelineException(doc.at("stages"), "stages." + kind.yamlKey(), "missing required stage;"
                        + " add e.g. `" + kind.yamlKey() + ": {provider: ID}` (`parley plugins` lists the ids)");
            }
        }
        return stages;
    }

    /** The router block may carry the router's own extra keys; only provider/config/when make its stage. */
    private static Object routerStageOnly(Object router) {
        if (router instanceof Map<?, ?> m) {
            Map<Object, Object> stage = new LinkedHashMap<>();
            for (String k : List.of("provider", "config")) {
                if (m.containsKey(k)) {
                    stage.put(k, m.get(k));
                }
            }
            return stage;
        }
        return router;
    }

    private static int sampleRate(TreeResolver resolver, Object value) {
        if (value == null) {
            return 16000;
        }
        Object v = resolver.resolve(value, "sample_rate");
        if (v instanceof Integer rate && rate >= 8000 && rate <= 192000) {
            return rate;
        }
        throw new PipelineException(resolver.document().at("sample_rate"), "sample_rate",
                "must be a whole number of Hz between 8000 and 192000 such as 16000, got " + TreeResolver.describe(v));
    }

    private static boolean flag(TreeResolver resolver, Object value, String key, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        Object v = resolver.resolve(value, key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new PipelineException(resolver.document().at(key), key, "must be true or false, got "
                + TreeResolver.describe(v));
    }
}
