package dev.parley.runtime.cli;

import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.PluginsDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --plugins-dir} option, shared by every command that loads components (mix it in). */
public final class PluginsDirOption {
    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin zips/jars (default: <parley home>/build/plugins).")
    Path pluginsDir;

    /** The directory to load plugins from. */
    public Path resolve() {
        return PluginsDirectory.resolve(pluginsDir);
    }

    /** The JVM-wide loaded components for that directory (plugins are never loaded twice). */
    public LoadedComponents load() {
        return ComponentLoader.shared(resolve());
    }
}
