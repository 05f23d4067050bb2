package dev.parley.api;

import java.util.Objects;

/**
 * One key a provider reads from its stage's {@code config:} block, as {@code parley plugins --describe} prints it
 * and the plugin README documents it.
 *
 * @param name         the YAML key, e.g. {@code model_path}
 * @param type         what the value must be
 * @param defaultValue the default as the docs show it ({@code 150}, {@code <model_dir>/en-us}), or
 *                     {@link #REQUIRED} when the key must be given
 * @param description  one line: what it changes, its range
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String description) {
    /** The {@code defaultValue} of a key that has no default. */
    public static final String REQUIRED = "(required)";

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue == null ? "" : defaultValue;
        description = description == null ? "" : description;
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("config key names are lower_snake_case, got '" + name + "'");
        }
    }
}
