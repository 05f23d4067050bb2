package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentProvider;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigKey;
import dev.parley.api.ConfigSpec;
import dev.parley.api.MissingResourceException;
import dev.parley.api.context.ComponentContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one stage's {@code config:} block against its provider: every key declared (by the provider or the
 * runtime, {@link RuntimeStageKeys}), every value of its declared type, and — when asked — the provider's own
 * resource checks ({@link ComponentProvider#check}). Problems name file:line and the key's path.
 */
final class StageConfigCheck {
    private final PipelineDefinition definition;
    private final StageDefinition stage;
    private final ComponentProvider<?> provider;
    private final String configPath;

    StageConfigCheck(PipelineDefinition definition, StageDefinition stage, ComponentProvider<?> provider) {
        this.definition = definition;
        this.stage = stage;
        this.provider = provider;
        String source = stage.source();
        this.configPath = source.substring(source.lastIndexOf(' ') + 1) + ".config";
    }

    /** Unknown keys and values of the wrong type, one line each; empty when the provider declares no keys. */
    void keys(List<String> problems) {
        ConfigSpec own = provider.configSpec();
        if (own == null || !own.declared()) {
            return;
        }
        ConfigSpec accepted = own.plus(RuntimeStageKeys.of(stage.kind()));
        ComponentConfig config = stage.config();
        for (String key : config.asMap().keySet()) {
            var declared = accepted.key(key);
            if (declared.isEmpty()) {
                problems.add(at(key) + ": unknown key for " + stage.kind().yamlKey() + " provider '"
                        + stage.provider() + "'" + hint(accepted, key) + " (`parley plugins --describe "
                        + stage.provider() + "` lists its keys)");
                continue;
            }
            try {
                declared.get().type().check(config, key);
            } catch (ConfigException e) {
                problems.add(at(key) + ": " + withoutSource(e.getMessage(), config));
            }
        }
    }

    /**
     * The provider's resource checks (model present, voice installed ...), as {@code serve} would meet them; what
     * this machine lacks but the file does not name ({@link MissingResourceException}) goes to {@code warnings}.
     */
    void resources(ComponentContext context, List<String> problems, List<String> warnings) {
        try {
            provider.check(stage.config(), context);
        } catch (MissingResourceException e) {
            warnings.add(e.getMessage());
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            problems.add(stage.source() + ": " + stage.kind().yamlKey() + " provider '" + stage.provider()
                    + "' could not check its config: " + e);
        }
    }

    private String at(String key) {
        String path = configPath + "." + key;
        return definition.document().at(path) + " " + path;
    }

    private static String hint(ConfigSpec accepted, String key) {
        List<String> close = accepted.closest(key);
        if (!close.isEmpty()) {
            return "; did you mean " + close.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or "))
                    + "?";
        }
        return "; it reads " + accepted.keys().stream().map(ConfigKey::name).collect(Collectors.joining(", "));
    }

    private static String withoutSource(String message, ComponentConfig config) {
        String prefix = config.source() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
