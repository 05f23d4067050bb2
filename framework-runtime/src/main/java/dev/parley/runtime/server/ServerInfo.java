package dev.parley.runtime.server;

import dev.parley.runtime.plugins.PluginSummary;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /v1/parley/status} says about the server beyond its live state.
 *
 * @param version   Parley's version
 * @param pipelines pipeline name → its variant names (empty for a pipeline without variants)
 * @param plugins   the loaded plugins
 */
public record ServerInfo(String version, Map<String, List<String>> pipelines, List<PluginSummary> plugins) {
    public ServerInfo {
        pipelines = Map.copyOf(pipelines);
        plugins = List.copyOf(plugins);
    }

    /** Parley's version from the jar's manifest, or "dev" when run from classes. */
    public static String runtimeVersion() {
        String v = ServerInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** For servers started without a description (tests, the bench): the version alone. */
    public static ServerInfo minimal() {
        return new ServerInfo(runtimeVersion(), Map.of(), List.of());
    }
}
