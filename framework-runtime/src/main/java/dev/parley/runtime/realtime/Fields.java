package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads of client JSON that fail with the catalog's errors, naming the full parameter path
 * (e.g. {@code session.audio.input.format.rate}).
 */
public final class Fields {
    private Fields() {
    }

    /** Rejects keys of {@code node} outside {@code allowed} with {@code unknown_parameter}. */
    public static void onlyKnown(ObjectNode node, String path, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw ProtocolException.unknownParameter(join(path, n));
            }
        }
    }

    public static String join(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }

    /** True when {@code field} is present (even as JSON null). */
    public static boolean present(ObjectNode node, String field) {
        return node.has(field);
    }

    public static ObjectNode object(JsonNode value, String param) {
        if (!(value instanceof ObjectNode o)) {
            throw ProtocolException.invalidType(param, "an object", describe(value));
        }
        return o;
    }

    public static ObjectNode requireObject(ObjectNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ProtocolException.missingRequired(join(path, field));
        }
        return object(v, join(path, field));
    }

    public static String string(JsonNode value, String param) {
        if (value == null || !value.isTextual()) {
            throw ProtocolException.invalidType(param, "a string", describe(value));
        }
        return value.textValue();
    }

    public static String requireString(ObjectNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ProtocolException.missingRequired(join(path, field));
        }
        return string(v, join(path, field));
    }

    /** The string value, or null when absent or JSON null. */
    public static String optString(ObjectNode node, String field, String path) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : string(v, join(path, field));
    }

    public static String enumValue(JsonNode value, String param, Collection<String> allowed) {
        String s = string(value, param);
        if (!allowed.contains(s)) {
            throw ProtocolException.invalidValue(param, s, allowed);
        }
        return s;
    }

    public static long integer(JsonNode value, String param) {
        if (value == null || !value.isIntegralNumber()) {
            throw ProtocolException.invalidType(param, "an integer", describe(value));
        }
        return value.longValue();
    }

    public static long requireInteger(ObjectNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ProtocolException.missingRequired(join(path, field));
        }
        return integer(v, join(path, field));
    }

    public static double number(JsonNode value, String param) {
        if (value == null || !value.isNumber()) {
            throw ProtocolException.invalidType(param, "a number", describe(value));
        }
        return value.doubleValue();
    }

    public static double numberIn(JsonNode value, String param, double min, double max) {
        double d = number(value, param);
        if (d < min || d > max) {
            throw ProtocolException.numberOutOfRange(param, min, max, value.numberValue());
        }
        return d;
    }

    public static boolean bool(JsonNode value, String param) {
        if (value == null || !value.isBoolean()) {
            throw ProtocolException.invalidType(param, "a boolean", describe(value));
        }
        return value.booleanValue();
    }

    /** How a JSON value is named in {@code invalid_type} messages. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
