package dev.parley.runtime.plugins;

import dev.parley.api.ConfigException;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PF4J's {@link DefaultPluginManager} (zips are expanded next to themselves, jars load as they are) with strict
 * loading: a plugin that cannot be read, or two plugins with one id, stop start-up with a clear
 * {@link ConfigException} instead of a logged stack trace and a silently missing component. PF4J would load the
 * first of two same-id plugins and drop the other; here it is an error because the wrong one may win (typically a
 * stale expanded directory of an older version next to the new zip).
 *
 * <p>Plugins are loaded once per manager and never reloaded: a JNI/JNA native library binds to the first
 * classloader that loads it, so a second copy of a plugin in the same JVM would fail with UnsatisfiedLinkError.
 */
public class ParleyPluginManager extends DefaultPluginManager {
    public ParleyPluginManager(Path pluginsDir) {
        super(pluginsDir);
    }

    @Override
    public void loadPlugins() {
        for (Path root : getPluginsRoots()) {
            if (!Files.isDirectory(root)) {
                throw new ConfigException("plugins directory " + root + " does not exist; build the plugins with"
                        + " ./parley (or mvn package) or point --plugins-dir at a directory of plugin zips/jars");
            }
        }
        List<Path> paths = pluginRepository.getPluginPaths();
        rejectDuplicateIds(paths);
        for (Path path : paths) {
            try {
                loadPluginFromPath(path);
            } catch (PluginRuntimeException e) {
                throw new ConfigException("cannot load plugin " + path + ": " + e.getMessage(), e);
            }
        }
        resolvePlugins();
    }

    /**
     * Stops started plugins in reverse start order. PF4J 3.15.0's own stopPlugins() removes from the list it is
     * iterating and throws ConcurrentModificationException once a plugin has stopped, so iterate a copy.
     */
    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            if (plugin.getPluginState().isStarted()) {
                stopPlugin(plugin.getPluginId(), false);
            }
        }
    }

    private void rejectDuplicateIds(List<Path> paths) {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path path : paths) {
            PluginDescriptor descriptor;
            try {
                descriptor = getPluginDescriptorFinder().find(path);
            } catch (PluginRuntimeException e) {
                throw new ConfigException(path + " is not a PF4J plugin (" + e.getMessage()
                        + "); a plugin is a zip or jar with plugin.properties or a Plugin-Id manifest entry", e);
            }
            Path previous = seen.putIfAbsent(descriptor.getPluginId(), path);
            if (previous != null) {
                throw new ConfigException("plugin id '" + descriptor.getPluginId() + "' is claimed twice: " + previous
                        + " and " + path + "; remove one of them (a stale unpacked directory of an older version is"
                        + " the usual cause)");
            }
        }
    }
}
