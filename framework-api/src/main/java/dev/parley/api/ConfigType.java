package dev.parley.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The type of one declared config key ({@link ConfigKey}). {@link #check} reads a present value with the same
 * {@link ComponentConfig} accessor a provider uses, so a value that validates is one the provider can read.
 */
public enum ConfigType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    /** A file or directory path; whether it exists is the provider's {@link ComponentProvider#check} to say. */
    PATH("path"),
    /** An absolute http, https, ws or wss URL with a host; a blank value counts as unset. */
    URL("url"),
    LIST("list"),
    MAP("map");

    private final String label;

    ConfigType(String label) {
        this.label = label;
    }

    /** How docs and {@code parley plugins --describe} name the type. */
    public String label() {
        return label;
    }

    /**
     * Checks the value of {@code key} in {@code config}, when present.
     *
     * @throws ConfigException naming the key and the config's source when the value is not of this type
     */
    public void check(ComponentConfig config, String key) {
        if (!config.has(key)) {
            return;
        }
        switch (this) {
            case STRING, PATH -> config.string(key);
            case INTEGER -> config.integer(key, 0);
            case NUMBER -> config.number(key, 0);
            case BOOLEAN -> config.bool(key, false);
            case LIST -> config.list(key);
            case MAP -> config.section(key);
            case URL -> checkUrl(config, key);
        }
    }

    private static void checkUrl(ComponentConfig config, String key) {
        String value = config.string(key, "").trim();
        if (value.isEmpty()) {
            return;
        }
        String problem = null;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.matches("https?|wss?")) {
                problem = "must start with http://, https://, ws:// or wss://";
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problem = "has no host";
            }
        } catch (URISyntaxException e) {
            problem = "is not a well-formed URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        if (problem != null) {
            throw new ConfigException(config.source() + ": key '" + key + "' " + problem + ", got '" + value + "'");
        }
    }
}
