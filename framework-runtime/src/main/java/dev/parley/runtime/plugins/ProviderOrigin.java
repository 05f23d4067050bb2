package dev.parley.runtime.plugins;

import java.nio.file.Path;

/**
 * Where a provider came from: a PF4J plugin (id, version, path on disk) or the runtime itself ("built-in",
 * registered through {@link java.util.ServiceLoader}).
 *
 * @param pluginId the plugin's id, or {@code built-in}
 * @param version  the plugin's version, or the runtime's version for built-ins (may be empty)
 * @param path     the plugin's zip/jar/directory, or null for built-ins
 */
public record ProviderOrigin(String pluginId, String version, Path path) {
    /** The plugin id used for providers that ship inside the runtime. */
    public static final String BUILT_IN = "built-in";

    /** A provider registered by the runtime's own ServiceLoader files. */
    public static ProviderOrigin builtIn() {
        String v = ProviderOrigin.class.getPackage().getImplementationVersion();
        return new ProviderOrigin(BUILT_IN, v == null ? "" : v, null);
    }

    public boolean isBuiltIn() {
        return BUILT_IN.equals(pluginId);
    }

    /** Human-readable origin for error messages, e.g. {@code plugin stt-vosk 0.1.0 (build/plugins/stt-vosk-0.1.0)}. */
    public String label() {
        if (isBuiltIn()) {
            return "built-in (runtime classpath)";
        }
        return "plugin " + pluginId + " " + version + (path == null ? "" : " (" + path + ")");
    }
}
