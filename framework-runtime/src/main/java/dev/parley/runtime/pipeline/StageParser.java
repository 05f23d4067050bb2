package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one stage: {@code {provider: ID, config: {...}}}, or a list of such alternatives of which the first whose
 * {@code when} expands to a non-blank string (or that has no {@code when}) is chosen. Only the chosen
 * alternative's placeholders are expanded.
 */
final class StageParser {
    private static final Set<String> KEYS = Set.of("provider", "config", "when");

    private final TreeResolver resolver;

    StageParser(TreeResolver resolver) {
        this.resolver = resolver;
    }

    StageDefinition parse(ComponentKind kind, Object value, String path) {
        if (value instanceof List<?> alternatives) {
            return choose(kind, alternatives, path);
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("when")) {
                throw error(path + ".when", "`when` only applies to a list of alternatives; write the stage as"
                        + " a list (- when: ... provider: ...) or drop `when`");
            }
            return single(kind, map, path);
        }
        throw error(path, "must be {provider: ID, config: {...}} or a list of alternatives, got "
                + TreeResolver.describe(value));
    }

    private StageDefinition choose(ComponentKind kind, List<?> alternatives, String path) {
        if (alternatives.isEmpty()) {
            throw error(path, "the list of alternatives is empty; give at least one {provider: ID}");
        }
        for (int i = 0; i < alternatives.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!(alternatives.get(i) instanceof Map<?, ?> item)) {
                throw error(itemPath, "each alternative must be {provider: ID, config: {...}, when: ...}, got "
                        + TreeResolver.describe(alternatives.get(i)));
            }
            if (!item.containsKey("when") || !resolver.string(item.get("when"), itemPath + ".when").isBlank()) {
                return single(kind, item, itemPath);
            }
        }
        throw error(path, "no alternative applies: every `when` expanded to an empty string;"
                + " end the list with an alternative that has no `when`");
    }

    private StageDefinition single(ComponentKind kind, Map<?, ?> stage, String path) {
        for (Object key : stage.keySet()) {
            if (!KEYS.contains(key)) {
                throw error(path + "." + key, "unknown key; a stage has `provider`, `config` and, inside a list of"
                        + " alternatives, `when`");
            }
        }
        if (!stage.containsKey("provider")) {
            throw error(path, "missing key `provider` (the id of a " + kind.yamlKey()
                    + " provider; `parley plugins` lists them)");
        }
        String provider = resolver.string(stage.get("provider"), path + ".provider").trim();
        if (provider.isEmpty()) {
            throw error(path + ".provider", "is empty; name a " + kind.yamlKey() + " provider");
        }
        String configPath = path + ".config";
        Map<String, Object> config = resolver.map(stage.get("config"), configPath);
        YamlDocument doc = resolver.document();
        return new StageDefinition(kind, provider, new ComponentConfig(config, doc.at(configPath) + " " + configPath),
                doc.at(path) + " " + path);
    }

    private PipelineException error(String path, String problem) {
        return new PipelineException(resolver.document().at(path), path, problem);
    }
}
