package dev.parley.runtime.plugins;

import java.nio.file.Path;

/**
 * Where plugins are looked for: {@code --plugins-dir} when given, else {@code <parley.home>/build/plugins} (the
 * {@code parley} launcher sets the system property {@code parley.home} to the repository root), else
 * {@code ./build/plugins}.
 */
public final class PluginsDirectory {
    /** System property naming the Parley installation (the repository root); set by the launcher. */
    public static final String HOME_PROPERTY = "parley.home";

    private PluginsDirectory() {
    }

    /** The Parley home: {@code parley.home} when set, else the working directory. */
    public static Path home() {
        String home = System.getProperty(HOME_PROPERTY);
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /** @param override the {@code --plugins-dir} value, or null */
    public static Path resolve(Path override) {
        if (override != null) {
            return override.toAbsolutePath().normalize();
        }
        return home().resolve("build").resolve("plugins");
    }
}
