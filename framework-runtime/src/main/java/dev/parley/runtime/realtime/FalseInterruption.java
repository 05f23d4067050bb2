package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * The keys of a {@code false_interruption} object the client gave (null = not given), validated.
     */
    record Patch(Boolean enabled, Long windowMs) {
        FalseInterruption over(FalseInterruption current) {
            return new FalseInterruption(enabled != null ? enabled : current.enabled(),
                    windowMs != null ? windowMs : current.windowMs());
        }
    }

    /** Applies the present keys of {@code value} (an object {@code {enabled, window_ms}}) onto {@code current}. */
    static FalseInterruption read(JsonNode value, FalseInterruption current, String path) {
        return patch(value, path).over(current);
    }

    static Patch patch(JsonNode value, String path) {
        ObjectNode o = Fields.object(value, path);
        Fields.onlyKnown(o, path, Set.of("enabled", "window_ms"));
        Boolean enabled = o.has("enabled") ? Fields.bool(o.get("enabled"), Fields.join(path, "enabled")) : null;
        Long window = null;
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
        return new Patch(enabled, window);
    }

    /** {@code false_interruption} of a {@code session.parley} object (other keys are not its business). */
    static Change<Patch> fromParley(JsonNode parley, String path) {
        ObjectNode o = Fields.object(parley, path);
        JsonNode v = o.get("false_interruption");
        return v == null ? Change.keep() : Change.to(patch(v, Fields.join(path, "false_interruption")));
    }
}
