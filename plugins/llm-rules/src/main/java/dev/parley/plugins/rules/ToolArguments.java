package dev.parley.plugins.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a tool's arguments from the user's words, guided by its JSON Schema: a place-like string gets the phrase
 * after "in"/"for"/"at" ("weather in Paris" → "Paris"), an enum the value the user said, a number the first number
 * said, other required strings the whole utterance. Optional properties are filled only when found.
 */
final class ToolArguments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACE_NAME = Pattern.compile(
            "(?i).*(location|city|place|town|country|region|where|address|destination)");
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:in|for|at|near|to) ((?:[\\p{L}][\\p{L}.'-]*)(?: [\\p{L}][\\p{L}.'-]*){0,3})");
    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?i)(?: (?:today|tomorrow|tonight|now|right now|please|this week|this weekend|at the moment))+$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private ToolArguments() {
    }

    /** The arguments object as a JSON string; {@code {}} when the schema is empty or unreadable. */
    static String fill(String schemaJson, String userText) {
        ObjectNode args = JSON.createObjectNode();
        JsonNode schema;
        try {
            schema = JSON.readTree(schemaJson == null || schemaJson.isBlank() ? "{}" : schemaJson);
        } catch (Exception unreadable) {
            return "{}";
        }
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            fillOne(args, p.getKey(), p.getValue(), required.contains(p.getKey()), userText);
        }
        return args.toString();
    }

    private static void fillOne(ObjectNode args, String name, JsonNode prop, boolean required, String userText) {
        String type = prop.path("type").asText("string");
        String lower = userText.toLowerCase(Locale.ROOT);
        if (prop.has("enum")) {
            for (JsonNode option : prop.get("enum")) {
                if (lower.contains(option.asText().toLowerCase(Locale.ROOT))) {
                    args.set(name, option);
                    return;
                }
            }
            if (required && !prop.get("enum").isEmpty()) {
                args.set(name, prop.get("enum").get(0));
            }
            return;
        }
        switch (type) {
            case "number", "integer" -> {
                Matcher m = NUMBER.matcher(NumberWords.toDigits(lower));
                if (m.find()) {
                    args.put(name, type.equals("integer") ? (JsonNode) JSON.getNodeFactory()
                            .numberNode(Math.round(Double.parseDouble(m.group())))
                            : JSON.getNodeFactory().numberNode(Double.parseDouble(m.group())));
                }
            }
            case "boolean" -> {
                if (required) {
                    args.put(name, !lower.matches(".*\\b(no|not|don't|false)\\b.*"));
                }
            }
            case "string" -> {
                String place = PLACE_NAME.matcher(name).matches() ? place(userText) : null;
                if (place != null) {
                    args.put(name, place);
                } else if (required) {
                    args.put(name, userText.replaceAll("[\\s?!.]+$", ""));
                }
            }
            default -> {
                // objects and arrays: left to the client's defaults
            }
        }
    }

    private static String place(String userText) {
        String text = userText.replaceAll("[?!.,;]+", " ").replaceAll("\\s+", " ").trim();
        Matcher m = PLACE.matcher(text);
        String found = null;
        while (m.find()) {
            String candidate = TRAILING_TIME.matcher(" " + m.group(1)).replaceAll("").trim();
            found = candidate.isEmpty() ? found : candidate;
        }
        return found;
    }
}
