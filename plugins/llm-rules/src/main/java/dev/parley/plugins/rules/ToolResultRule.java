package dev.parley.plugins.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.llm.ChatMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After the client answered tool calls, reads the results back: "The tool said: temperature 21, unit celsius."
 * A JSON object is read as "key value" pairs so it sounds natural when spoken.
 */
final class ToolResultRule implements ResponderRule {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<Reply> reply(Conversation c) {
        List<ChatMessage.ToolResult> results = c.toolResults();
        if (results.isEmpty()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        for (ChatMessage.ToolResult r : results) {
            said.add(speakable(r.output()));
        }
        String prefix = results.size() == 1 ? "The tool said: " : "The tools said: ";
        return Optional.of(Reply.text(prefix + String.join("; ", said) + "."));
    }

    static String speakable(String output) {
        if (output == null || output.isBlank()) {
            return "nothing";
        }
        String trimmed = output.trim();
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (node != null && node.isObject()) {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode v = field.getValue();
                    parts.add(field.getKey().replace('_', ' ') + " " + (v.isValueNode() ? v.asText() : v.toString()));
                }
                return parts.isEmpty() ? "nothing" : String.join(", ", parts);
            }
            if (node != null && node.isTextual()) {
                return stripEnd(node.asText());
            }
        } catch (Exception notJson) {
            // plain text output: read it as is
        }
        return stripEnd(trimmed);
    }

    private static String stripEnd(String s) {
        return s.replaceAll("[\\s.]+$", "");
    }
}
