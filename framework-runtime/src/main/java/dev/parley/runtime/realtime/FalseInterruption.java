package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The false-interruption setting: whether a barge-in that turns out to hold no words lets the interrupted
 * answer resume, and how soon after {@code speech_started} that must be known. Read from the pipeline's
 * {@code session.false_interruption} and from {@code session.parley.false_interruption} in {@code session.update};
 * echoed in {@code session.parley}. Off by default.
 *
 * @param enabled  resume after a wordless barge-in
 * @param windowMs how long after {@code speech_started} the "no words" verdict may come (100–30000)
 */
public record FalseInterruption(boolean enabled, long windowMs) {
    public static final long DEFAULT_WINDOW_MS = 2000;
    public static final FalseInterruption OFF = new FalseInterruption(false, DEFAULT_WINDOW_MS);
    private static final long MIN_WINDOW_MS = 100;
    private static final long MAX_WINDOW_MS = 30_000;

    /** Applies the present keys of {@code value} (an object {@code {enabled, window_ms}}) onto {@code current}. */
    static FalseInterruption read(JsonNode value, FalseInterruption current, String path) {
        ObjectNode o = Fields.object(value, path);
        Fields.onlyKnown(o, path, Set.of("enabled", "window_ms"));
        boolean enabled = o.has("enabled") ? Fields.bool(o.get("enabled"), Fields.join(path, "enabled"))
                : current.enabled();
        long window = current.windowMs();
        if (o.has("window_ms")) {
            String p = Fields.join(path, "window_ms");
            window = Fields.integer(o.get("window_ms"), p);
            if (window < MIN_WINDOW_MS) {
                throw ProtocolException.belowMin(p, MIN_WINDOW_MS, window);
            }
            if (window > MAX_WINDOW_MS) {
                throw ProtocolException.aboveMax(p, MAX_WINDOW_MS, window);
            }
        }
        return new FalseInterruption(enabled, window);
    }

    /** Reads {@code false_interruption} from a {@code session.parley} object (other keys are not its business). */
    static FalseInterruption fromParley(JsonNode parley, FalseInterruption current, String path) {
        ObjectNode o = Fields.object(parley, path);
        JsonNode v = o.get("false_interruption");
        return v == null ? current : read(v, current, Fields.join(path, "false_interruption"));
    }

    ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("enabled", enabled).put("window_ms", windowMs);
    }
}
