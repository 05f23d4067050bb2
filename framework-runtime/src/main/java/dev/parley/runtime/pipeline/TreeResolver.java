package dev.parley.runtime.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expands the {@link Template}s of one part of a {@link YamlDocument}, naming file, line and key on failure. */
final class TreeResolver {
    private final YamlDocument doc;
    private final EnvInterpolator env;

    TreeResolver(YamlDocument doc, EnvInterpolator env) {
        this.doc = doc;
        this.env = env;
    }

    YamlDocument document() {
        return doc;
    }

    /** A deep copy of {@code value} (found at {@code path}) with every placeholder expanded. */
    Object resolve(Object value, String path) {
        if (value instanceof Template t) {
            String expanded;
            try {
                expanded = env.interpolate(t.text());
            } catch (IllegalArgumentException e) {
                throw new PipelineException(doc.at(path), path, e.getMessage());
            }
            return t.plain() ? ScalarTypes.typed(expanded) : expanded;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, resolve(v, YamlDocument.child(path, (String) k))));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(resolve(item, path + "[" + out.size() + "]"));
            }
            return out;
        }
        return value;
    }

    /** The expanded map at {@code path}; empty when absent; an error when it is not a map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String path) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        Object resolved = resolve(value, path);
        if (!(resolved instanceof Map<?, ?>)) {
            throw new PipelineException(doc.at(path), path, "must be a map of keys, got " + describe(resolved));
        }
        return (Map<String, Object>) resolved;
    }

    /** The expanded scalar at {@code path} as a string; an error when it is a map or list. */
    String string(Object value, String path) {
        Object resolved = resolve(value, path);
        if (resolved instanceof Map<?, ?> || resolved instanceof List<?>) {
            throw new PipelineException(doc.at(path), path, "must be a single value, got " + describe(resolved));
        }
        return resolved == null ? "" : resolved.toString();
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value == null ? "nothing" : "'" + value + "'";
    }
}
