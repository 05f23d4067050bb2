package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks on function tools that need more than one field: a {@code tool_choice} must name a declared function,
 * and a tool's {@code parameters} must be an object schema whose {@code required} names only its properties.
 * Without them a bad choice or schema reaches the LLM and fails there, long after the event that caused it.
 */
final class ToolChecks {
    private ToolChecks() {
    }

    /** Each tool's {@code parameters}, as {@link SessionValues#tools} accepted them; {@code tools} is their path. */
    static void parameters(JsonNode tools, String path) {
        for (int i = 0; i < tools.size(); i++) {
            JsonNode params = tools.get(i).get("parameters");
            if (params != null && !params.isNull() && !params.isEmpty()) {
                schema(params, path + "[" + i + "].parameters", tools.get(i).path("name").asText());
            }
        }
    }

    /**
     * A {@code {type:"function", name}} choice ({@code choice}, as {@link SessionValues#toolChoice} accepted it)
     * must name one of the {@code declared} functions; the string choices need nothing. {@code whose}: "session's".
     */
    static void choice(JsonNode choice, List<String> declared, String path, String whose) {
        if (choice == null || !choice.isObject()) {
            return;
        }
        String name = choice.path("name").asText();
        if (!declared.contains(name)) {
            throw ProtocolException.invalidValue(path, "Invalid value: '" + name + "'. Tool choice names function '"
                    + name + "', which is not among the " + whose + " tools"
                    + (declared.isEmpty() ? " (none are declared)." : ": " + ProtocolException.quotedList(declared)
                    + "."));
        }
    }

    /** The function names of the protocol's tool objects. */
    static List<String> names(Iterable<JsonNode> tools) {
        List<String> out = new ArrayList<>();
        tools.forEach(t -> out.add(t.path("name").asText()));
        return out;
    }

    private static void schema(JsonNode params, String path, String tool) {
        JsonNode type = params.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals("object")) {
            throw ProtocolException.invalidValue(path, "Invalid schema for function '" + tool + "': schema must be"
                    + " a JSON Schema of 'type: \"object\"', got 'type: " + (type == null ? "None" : type) + "'.");
        }
        JsonNode properties = params.get("properties");
        if (properties != null && !properties.isObject()) {
            throw ProtocolException.invalidType(path + ".properties", "an object", Fields.describe(properties));
        }
        JsonNode required = params.get("required");
        if (required == null || required.isNull()) {
            return;
        }
        if (!required.isArray()) {
            throw ProtocolException.invalidType(path + ".required", "an array", Fields.describe(required));
        }
        for (JsonNode r : required) {
            if (!r.isTextual() || properties == null || !properties.has(r.asText())) {
                throw ProtocolException.invalidValue(path, "Invalid schema for function '" + tool + "': "
                        + r + " is in 'required' but not among 'properties'"
                        + (properties == null ? " (none)." : ": " + ProtocolException.quotedList(fieldNames(properties))
                        + "."));
            }
        }
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
