package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a session's {@code tracing} field asks for, typed so observers need not read OpenAI's JSON: null is
 * {@link Off}, {@code "auto"} is {@link Auto}, an object ({@code workflow_name}, {@code group_id},
 * {@code metadata}) is a {@link Workflow}. Auto and workflow turn tracing on for the session.
 */
public sealed interface TraceRequest {
    Off OFF = new Off();

    record Off() implements TraceRequest {
    }

    record Auto() implements TraceRequest {
    }

    /** A named workflow; {@code groupId} and {@code metadata} become trace attributes (either may be empty). */
    record Workflow(String name, String groupId, Map<String, String> metadata) implements TraceRequest {
        public Workflow {
            metadata = Map.copyOf(metadata);
        }
    }

    default boolean on() {
        return !(this instanceof Off);
    }

    /** The field as {@link SessionValues#tracing} accepted it (null, {@code "auto"} or an object). */
    static TraceRequest of(JsonNode tracing) {
        if (tracing == null || tracing.isNull() || tracing.isMissingNode()) {
            return OFF;
        }
        if (!tracing.isObject()) {
            return new Auto();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        tracing.path("metadata").properties().forEach(e -> metadata.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return new Workflow(tracing.path("workflow_name").asText("default"), tracing.path("group_id").asText(""),
                metadata);
    }
}
