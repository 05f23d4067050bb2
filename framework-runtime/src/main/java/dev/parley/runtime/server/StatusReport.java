package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.plugins.PluginSummary;

/**
 * The body of {@code GET /v1/parley/status}:
 * <pre>{@code
 * {"version":"0.1.0", "state":"serving", "ready":true, "sessions":2, "max_sessions":12,
 *  "pipelines":[{"name":"ab-test","variants":["A","B"]}],
 *  "plugins":[{"id":"tts-marytts","version":"0.1.0","state":"STARTED"}],
 *  "active_sessions":{"ab-test/A":1,"ab-test/B":1}}
 * }</pre>
 */
final class StatusReport {
    private StatusReport() {
    }

    static ObjectNode of(ServerContext server, ObjectNode state) {
        ObjectNode o = state.objectNode();
        o.put("version", server.info().version());
        o.setAll(state);
        ArrayNode pipelines = o.putArray("pipelines");
        server.info().pipelines().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(p -> {
            ObjectNode n = pipelines.addObject().put("name", p.getKey());
            p.getValue().forEach(n.putArray("variants")::add);
        });
        ArrayNode plugins = o.putArray("plugins");
        for (PluginSummary p : server.info().plugins()) {
            ObjectNode n = plugins.addObject().put("id", p.id()).put("version", p.version()).put("state", p.state());
            if (p.failure() != null) {
                n.put("failure", p.failure());
            }
        }
        ObjectNode active = o.putObject("active_sessions");
        server.metrics().activeByVariant().forEach(active::put);
        return o;
    }
}
