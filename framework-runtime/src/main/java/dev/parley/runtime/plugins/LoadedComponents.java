package dev.parley.runtime.plugins;

import org.pf4j.PluginManager;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link ComponentLoader}: the provider registry plus the plugins behind it. Closing stops and
 * unloads the plugins (except for a {@link ComponentLoader#shared(Path) shared} set, which lives as long as the
 * JVM, and so does its context's daemon pool), so close it only after every engine created from it is closed.
 */
public final class LoadedComponents implements AutoCloseable {
    private final Path pluginsDir;
    private final PluginManager pluginManager;
    private final ComponentRegistry registry;
    private final List<PluginSummary> plugins;
    private final RuntimeComponentContext context;
    private final boolean shared;

    LoadedComponents(Path pluginsDir, PluginManager pluginManager, ComponentRegistry registry,
                     List<PluginSummary> plugins, RuntimeComponentContext context, boolean shared) {
        this.pluginsDir = pluginsDir;
        this.pluginManager = pluginManager;
        this.registry = registry;
        this.plugins = List.copyOf(plugins);
        this.context = context;
        this.shared = shared;
    }

    /** The context every provider of {@link #registry()} is created with; closed with this set. */
    public RuntimeComponentContext context() {
        return context;
    }

    /** The directory the plugins were loaded from. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Every provider, from plugins and built-ins. */
    public ComponentRegistry registry() {
        return registry;
    }

    /** Every plugin found, including those that failed to start (see {@link PluginSummary#failure()}). */
    public List<PluginSummary> plugins() {
        return plugins;
    }

    /** The PF4J manager, for callers that need plugin class loaders or states. */
    public PluginManager pluginManager() {
        return pluginManager;
    }

    @Override
    public void close() {
        if (!shared) {
            context.close();
            pluginManager.stopPlugins();
            pluginManager.unloadPlugins();
        }
    }
}
