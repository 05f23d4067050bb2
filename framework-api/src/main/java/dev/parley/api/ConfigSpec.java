package dev.parley.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config keys a provider declares ({@link ComponentProvider#configSpec()}). With a declaration the runtime
 * rejects a key the provider does not read — at {@code parley pipelines validate} and at {@code serve} alike —
 * naming file, line and key with a "did you mean" hint, and checks each value's {@link ConfigType}.
 * {@link #UNDECLARED} (the default) means the provider declares nothing and its keys are not checked.
 */
public final class ConfigSpec {
    /** No declaration: any key is accepted (providers written before declarations existed). */
    public static final ConfigSpec UNDECLARED = new ConfigSpec(null);

    private final Map<String, ConfigKey> keys;

    private ConfigSpec(Map<String, ConfigKey> keys) {
        this.keys = keys == null ? null : Collections.unmodifiableMap(keys);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A declaration of exactly {@code keys}. */
    public static ConfigSpec of(ConfigKey... keys) {
        Builder b = builder();
        for (ConfigKey k : keys) {
            b.key(k);
        }
        return b.build();
    }

    /** False for {@link #UNDECLARED}. */
    public boolean declared() {
        return keys != null;
    }

    /** The declared keys in declaration order; empty when undeclared. */
    public List<ConfigKey> keys() {
        return keys == null ? List.of() : List.copyOf(keys.values());
    }

    /** The declared key {@code name}, if any. */
    public Optional<ConfigKey> key(String name) {
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(name));
    }

    /** The keys of both declarations (this one's first); undeclared when either is. */
    public ConfigSpec plus(ConfigSpec other) {
        if (!declared() || !other.declared()) {
            return UNDECLARED;
        }
        Builder b = builder();
        keys().forEach(b::key);
        other.keys().stream().filter(k -> !keys.containsKey(k.name())).forEach(b::key);
        return b.build();
    }

    @Override
    public String toString() {
        return declared() ? "ConfigSpec" + keys.keySet() : "ConfigSpec(undeclared)";
    }

    /** Collects keys in order; a name may be declared once. */
    public static final class Builder {
        private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder key(ConfigKey key) {
            if (keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key '" + key.name() + "' declared twice");
            }
            return this;
        }

        /** Declares a key; {@code defaultValue} as the docs show it, or {@link ConfigKey#REQUIRED}. */
        public Builder key(String name, ConfigType type, String defaultValue, String description) {
            return key(new ConfigKey(name, type, defaultValue, description));
        }

        public ConfigSpec build() {
            return new ConfigSpec(new LinkedHashMap<>(keys));
        }
    }

    /** Names the declared keys closest to {@code unknown} (edit distance), best first; for "did you mean". */
    public List<String> closest(String unknown) {
        List<String> out = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        int limit = Math.max(2, unknown.length() / 3);
        for (String name : keys == null ? List.<String>of() : keys.keySet()) {
            int d = unknown.contains(name) || name.contains(unknown) ? 1 : distance(unknown, name);
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                out.clear();
                best = d;
            }
            out.add(name);
        }
        return out;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
