package dev.parley.runtime.realtime;

import java.util.Collection;
import java.util.List;

/**
 * A client mistake reported as an {@code error} event (catalog §9 of the protocol catalog); never fatal to the session.
 * The factories produce the catalog's exact codes and message patterns.
 */
public final class ProtocolException extends RuntimeException {
    private final String type;
    private final String code;
    private final String param;

    public ProtocolException(String type, String code, String param, String message) {
        super(message, null, false, false);
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static ProtocolException invalidRequest(String code, String param, String message) {
        return new ProtocolException("invalid_request_error", code, param, message);
    }

    public static ProtocolException invalidValue(String param, Object value, Collection<String> supported) {
        return invalidRequest("invalid_value", param,
                "Invalid value: '" + value + "'. Supported values are: " + quotedList(supported) + ".");
    }

    public static ProtocolException invalidValue(String param, String message) {
        return invalidRequest("invalid_value", param, message);
    }

    public static ProtocolException unknownParameter(String param) {
        return invalidRequest("unknown_parameter", param, "Unknown parameter: '" + param + "'.");
    }

    public static ProtocolException missingRequired(String param) {
        return invalidRequest("missing_required_parameter", param, "Missing required parameter: '" + param + "'.");
    }

    public static ProtocolException invalidType(String param, String expected, String got) {
        return invalidRequest("invalid_type", param,
                "Invalid type for '" + param + "': expected " + expected + ", but got " + got + " instead.");
    }

    public static ProtocolException belowMin(String param, Number min, Number got) {
        return invalidRequest("integer_below_min_value", param, "Invalid '" + param
                + "': integer below minimum value. Expected a value >= " + min + ", but got " + got + " instead.");
    }

    public static ProtocolException aboveMax(String param, Number max, Number got) {
        return invalidRequest("integer_above_max_value", param, "Invalid '" + param
                + "': integer above maximum value. Expected a value <= " + max + ", but got " + got + " instead.");
    }

    public static ProtocolException numberOutOfRange(String param, double min, double max, Number got) {
        return invalidRequest("decimal_out_of_range", param, "Invalid '" + param + "': expected a number between "
                + min + " and " + max + ", but got " + got + " instead.");
    }

    /** {@code 'a', 'b', and 'c'} — the way OpenAI lists supported values. */
    static String quotedList(Collection<String> values) {
        List<String> q = values.stream().map(v -> "'" + v + "'").toList();
        if (q.size() <= 2) {
            return String.join(" and ", q);
        }
        return String.join(", ", q.subList(0, q.size() - 1)) + ", and " + q.get(q.size() - 1);
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
