package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** The protocol's function tools and tool choice (validated JSON) as the LLM SPI's types. */
public final class ToolJson {
    private ToolJson() {
    }

    public static List<ToolSpec> tools(JsonNode tools) {
        List<ToolSpec> out = new ArrayList<>();
        for (JsonNode t : tools) {
            JsonNode params = t.get("parameters");
            out.add(new ToolSpec(t.path("name").asText(), t.path("description").asText(""),
                    params == null || params.isNull() ? "{}" : params.toString()));
        }
        return out;
    }

    public static ToolChoice toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return ToolChoice.AUTO;
        }
        if (choice.isObject()) {
            return ToolChoice.function(choice.path("name").asText());
        }
        return switch (choice.asText()) {
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> ToolChoice.AUTO;
        };
    }
}
