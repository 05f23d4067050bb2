package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import dev.parley.api.ConfigException;
import dev.parley.api.context.ComponentContext;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads every component the runtime can use: PF4J plugins (zips or jars) from a plugins directory plus the
 * built-in providers on the runtime classpath, into one {@link ComponentRegistry}.
 *
 * <p>Use {@link #shared(Path)} in the server, the CLI and tests that load the real plugins: it loads a directory
 * once per JVM and keeps it loaded, because native libraries bind to one classloader and cannot be loaded by a
 * second copy of a plugin. {@link #load(Path)} makes a fresh, independent set (for tests with throw-away plugins).
 */
public final class ComponentLoader {
    private static final Logger log = LoggerFactory.getLogger(ComponentLoader.class);
    private static final Map<Path, LoadedComponents> SHARED = new HashMap<>();

    private ComponentLoader() {
    }

    /** The JVM-wide loaded set for {@code pluginsDir}, loading it on first use; its close() does nothing. */
    public static synchronized LoadedComponents shared(Path pluginsDir) {
        Path key = realPath(pluginsDir);
        LoadedComponents loaded = SHARED.get(key);
        if (loaded == null) {
            loaded = loadInto(key, true);
            SHARED.put(key, loaded);
        }
        return loaded;
    }

    /**
     * Loads and starts the plugins in {@code pluginsDir} and the built-ins, independently of any other load.
     * The caller closes the result, which stops the plugins.
     *
     * @throws ConfigException when the directory is missing, a plugin is unreadable, two plugins share an id, or
     *                         two providers claim the same kind and id
     */
    public static LoadedComponents load(Path pluginsDir) {
        return loadInto(realPath(pluginsDir), false);
    }

    private static LoadedComponents loadInto(Path dir, boolean shared) {
        ParleyPluginManager manager = new ParleyPluginManager(dir);
        manager.loadPlugins();
        manager.startPlugins();
        RuntimeComponentContext context = RuntimeComponentContext.forHome(ComponentContext.defaultHome());
        try {
            ComponentRegistry.Builder registry = ComponentRegistry.builder().context(context);
            BuiltInProviders.addTo(registry, ComponentLoader.class.getClassLoader());
            List<PluginSummary> plugins = new ArrayList<>();
            List<PluginWrapper> wrappers = new ArrayList<>(manager.getPlugins());
            wrappers.sort(Comparator.comparing(PluginWrapper::getPluginId));
            for (PluginWrapper plugin : wrappers) {
                plugins.add(summarize(plugin));
                if (plugin.getPluginState() == PluginState.STARTED) {
                    addExtensions(registry, manager, plugin);
                } else if (plugin.getPluginState() == PluginState.FAILED) {
                    registry.pluginFailed(plugin.getPluginId(), plugins.getLast().failure());
                }
            }
            addClasspathExtensions(registry, manager);
            log.debug("Loaded {} plugin(s) from {}", plugins.size(), dir);
            return new LoadedComponents(dir, manager, registry.build(), plugins, context, shared);
        } catch (RuntimeException e) {
            context.close();
            manager.stopPlugins();
            manager.unloadPlugins();
            throw e;
        }
    }

    private static void addExtensions(ComponentRegistry.Builder registry, PluginManager manager, PluginWrapper plugin) {
        ProviderOrigin origin = new ProviderOrigin(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                plugin.getPluginPath());
        for (ComponentKind kind : ComponentKind.values()) {
            List<? extends ComponentProvider<?>> found;
            try {
                found = manager.getExtensions(ProviderKinds.typeOf(kind), plugin.getPluginId());
            } catch (PluginRuntimeException e) {
                throw new ConfigException("plugin " + plugin.getPluginId() + " cannot create its "
                        + kind.yamlKey() + " provider: " + e.getMessage(), e);
            }
            for (ComponentProvider<?> provider : found) {
                registry.add(kind, provider, origin);
            }
        }
    }

    /** {@code @Extension}s compiled into the runtime's own classpath count as built-ins too. */
    private static void addClasspathExtensions(ComponentRegistry.Builder registry, PluginManager manager) {
        for (ComponentKind kind : ComponentKind.values()) {
            for (ComponentProvider<?> provider : manager.getExtensions(ProviderKinds.typeOf(kind), null)) {
                registry.add(kind, provider, ProviderOrigin.builtIn());
            }
        }
    }

    private static PluginSummary summarize(PluginWrapper plugin) {
        Throwable failure = plugin.getFailedException();
        if (plugin.getPluginState() == PluginState.FAILED) {
            log.warn("Plugin {} failed to start: {}", plugin.getPluginId(), failure == null ? "unknown" : failure.getMessage());
        }
        return new PluginSummary(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                plugin.getDescriptor().getPluginDescription(), plugin.getPluginPath(),
                plugin.getPluginState().toString(), failure == null ? null : String.valueOf(failure.getMessage()));
    }

    private static Path realPath(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs; // missing: ParleyPluginManager reports it clearly
        }
    }
}
