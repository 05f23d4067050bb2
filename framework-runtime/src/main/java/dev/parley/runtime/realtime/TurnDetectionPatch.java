package dev.parley.runtime.realtime;

import static dev.parley.runtime.realtime.Fields.enumValue;
import static dev.parley.runtime.realtime.Fields.integer;
import static dev.parley.runtime.realtime.Fields.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.TurnDetection;

/**
 * A validated {@code turn_detection} object of a {@code session.update}: only the keys the client gave (null =
 * not given). It is merged over the session's current turn detection when the type stays the same, so partial
 * updates keep earlier choices, else over that type's defaults ({@link #over}).
 *
 * @param type        null: the current type (server VAD when manual)
 * @param idleTimeoutMs the one key whose {@code null} means something (no idle timeout)
 */
record TurnDetectionPatch(TurnDetection.Type type, Double threshold, Integer prefixPaddingMs,
                          Integer silenceDurationMs, Change<Integer> idleTimeoutMs, Boolean createResponse,
                          Boolean interruptResponse, String eagerness) {

    /**
     * Reads a non-null {@code turn_detection} value. Unknown keys are tolerated: agents-js passes some through.
     */
    static TurnDetectionPatch read(JsonNode value, String path) {
        ObjectNode o = object(value, path);
        TurnDetection.Type type = null;
        if (o.hasNonNull("type")) {
            type = enumValue(o.get("type"), path + ".type", SessionValues.TURN_TYPES).equals("server_vad")
                    ? TurnDetection.Type.SERVER_VAD : TurnDetection.Type.SEMANTIC_VAD;
        }
        Double threshold = o.hasNonNull("threshold")
                ? Fields.numberIn(o.get("threshold"), path + ".threshold", 0, 1) : null;
        Integer prefix = o.hasNonNull("prefix_padding_ms")
                ? nonNegative(o.get("prefix_padding_ms"), path + ".prefix_padding_ms") : null;
        Integer silence = o.hasNonNull("silence_duration_ms")
                ? nonNegative(o.get("silence_duration_ms"), path + ".silence_duration_ms") : null;
        Change<Integer> idle = Change.keep();
        if (o.has("idle_timeout_ms")) {
            idle = Change.to(o.get("idle_timeout_ms").isNull() ? null
                    : nonNegative(o.get("idle_timeout_ms"), path + ".idle_timeout_ms"));
        }
        Boolean create = o.hasNonNull("create_response")
                ? Fields.bool(o.get("create_response"), path + ".create_response") : null;
        Boolean interrupt = o.hasNonNull("interrupt_response")
                ? Fields.bool(o.get("interrupt_response"), path + ".interrupt_response") : null;
        String eagerness = o.hasNonNull("eagerness")
                ? enumValue(o.get("eagerness"), path + ".eagerness", SessionValues.EAGERNESS) : null;
        return new TurnDetectionPatch(type, threshold, prefix, silence, idle, create, interrupt, eagerness);
    }

    /** The turn detection after this patch, given the session's {@code current} one (null = manual mode). */
    TurnDetection over(TurnDetection current) {
        TurnDetection.Type t = type != null ? type : current == null ? TurnDetection.Type.SERVER_VAD : current.type();
        TurnDetection b = current != null && current.type() == t ? current : defaults(t);
        return new TurnDetection(t, threshold != null ? threshold : b.threshold(),
                prefixPaddingMs != null ? prefixPaddingMs : b.prefixPaddingMs(),
                silenceDurationMs != null ? silenceDurationMs : b.silenceDurationMs(),
                idleTimeoutMs.over(b.idleTimeoutMs()),
                createResponse != null ? createResponse : b.createResponse(),
                interruptResponse != null ? interruptResponse : b.interruptResponse(),
                eagerness != null ? eagerness : b.eagerness());
    }

    static TurnDetection defaults(TurnDetection.Type type) {
        TurnDetection d = OpenAiNames.serverVadDefaults();
        return type == TurnDetection.Type.SERVER_VAD ? d : new TurnDetection(type, d.threshold(),
                d.prefixPaddingMs(), d.silenceDurationMs(), null, true, true, "auto");
    }

    private static int nonNegative(JsonNode value, String path) {
        long v = integer(value, path);
        if (v < 0) {
            throw ProtocolException.belowMin(path, 0, v);
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }
}
