package dev.parley.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, read-only access to the {@code config:} block of one pipeline stage, after {@code ${ENV:-default}}
 * interpolation. Values are the plain YAML scalars, lists and maps. Every accessor that fails throws a
 * {@link ConfigException} naming the key and where it was declared ({@link #source()}).
 */
public final class ComponentConfig {
    private final Map<String, Object> values;
    private final String source;

    /**
     * @param values the stage's config map (copied)
     * @param source where the block was declared, e.g. {@code pipelines/default.yaml:14 stages.stt.config}
     */
    public ComponentConfig(Map<String, ?> values, String source) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
        this.source = source == null ? "<config>" : source;
    }

    /** An empty config, for components created in code. */
    public static ComponentConfig empty() {
        return new ComponentConfig(Map.of(), "<empty>");
    }

    /** Where this block was declared; used in error messages. */
    public String source() {
        return source;
    }

    /** The raw values. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public String requireString(String key) {
        return string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(source + ": missing required key '" + key + "'"));
    }

    public int integer(String key, int defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": key '" + key + "' must be an integer, got '" + v + "'");
        }
    }

    public double number(String key, double defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": key '" + key + "' must be a number, got '" + v + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase();
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(source + ": key '" + key + "' must be true or false, got '" + v + "'");
        };
    }

    /** A path value, unchecked. */
    public Optional<Path> path(String key) {
        return string(key).filter(s -> !s.isBlank()).map(Path::of);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ConfigException(source + ": key '" + key + "' must be a list");
    }

    /** A nested map as its own config, with a source naming the nested key. */
    @SuppressWarnings("unchecked")
    public ComponentConfig section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new ComponentConfig(Map.of(), source + "." + key);
        }
        if (v instanceof Map<?, ?> m) {
            return new ComponentConfig((Map<String, ?>) m, source + "." + key);
        }
        throw new ConfigException(source + ": key '" + key + "' must be a map");
    }

    /** A copy with {@code overrides} merged over these values (top-level keys replaced). */
    public ComponentConfig with(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new ComponentConfig(merged, source);
    }

    @Override
    public String toString() {
        return source + " " + values;
    }
}
