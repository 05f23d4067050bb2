package dev.parley.runtime.plugins;

import java.nio.file.Path;

/**
 * A loaded plugin as {@code parley plugins} shows it.
 *
 * @param id          plugin id from plugin.properties
 * @param version     plugin version
 * @param description plugin description (may be empty)
 * @param path        where it was loaded from (the expanded directory of a zip, or the jar)
 * @param state       PF4J state name: STARTED, FAILED, DISABLED …
 * @param failure     why it failed to start, or null
 */
public record PluginSummary(String id, String version, String description, Path path, String state, String failure) {
    public boolean started() {
        return "STARTED".equals(state);
    }
}
