package dev.parley.runtime.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a variant's overrides over a base YAML tree. Rules: maps merge key by key, recursively; a scalar or a
 * list in the override replaces the base value whole (lists are not concatenated: a variant states the list it
 * wants); an explicit {@code null} ({@code key: ~} in YAML) removes the key. Neither input is modified.
 */
public final class DeepMerge {
    private DeepMerge() {
    }

    /** @return a new map: {@code base} with {@code override} merged over it */
    public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> override) {
        Map<String, Object> out = copy(base);
        for (Map.Entry<String, ?> e : override.entrySet()) {
            Object over = e.getValue();
            Object under = out.get(e.getKey());
            if (over == null) {
                out.remove(e.getKey());
            } else if (over instanceof Map<?, ?> om && under instanceof Map<?, ?> um) {
                out.put(e.getKey(), merge(cast(um), cast(om)));
            } else {
                out.put(e.getKey(), deepCopy(over));
            }
        }
        return out;
    }

    /** A deep copy, so a merged tree shares no mutable map or list with its inputs. */
    public static Map<String, Object> copy(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, deepCopy(v)));
        return out;
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy(cast(m));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(DeepMerge::deepCopy).toList();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
