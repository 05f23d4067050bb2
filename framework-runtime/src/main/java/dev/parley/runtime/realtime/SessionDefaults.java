package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads a pipeline's {@code session:} block into session defaults. The block may use the flat names
 * ({@code instructions}, {@code voice}, {@code turn_detection}, {@code modalities} …) and/or the GA nested ones
 * ({@code audio}, {@code output_modalities}, {@code max_output_tokens}); mistakes name the file and key.
 */
public final class SessionDefaults {
    /** Parley's own key (not in the OpenAI session object): {@code false_interruption: {enabled, window_ms}}. */
    private static final String FALSE_INTERRUPTION = "false_interruption";
    private static final Set<String> GA_ONLY = Set.of("audio", "output_modalities", "max_output_tokens", "type");

    private SessionDefaults() {
    }

    public static SessionConfig apply(SessionConfig base, ComponentConfig session) {
        if (session == null || session.asMap().isEmpty()) {
            return base;
        }
        ObjectNode all = EventEmitter.MAPPER.valueToTree(session.asMap());
        ObjectNode flat = all.deepCopy();
        ObjectNode nested = EventEmitter.MAPPER.createObjectNode();
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (GA_ONLY.contains(k)) {
                flat.remove(k);
                nested.set(k, all.get(k));
            }
        }
        flat.remove(FALSE_INTERRUPTION);
        nested.put("type", base.type() == SessionConfig.Type.REALTIME ? "realtime" : "transcription");
        try {
            SessionConfig c = SessionConfigReader.applyBeta(base, flat, "session", false);
            c = SessionConfigReader.applyGa(c, nested, "session");
            if (all.has(FALSE_INTERRUPTION)) {
                SessionConfig.Builder b = c.toBuilder();
                b.falseInterruption = FalseInterruption.read(all.get(FALSE_INTERRUPTION), c.falseInterruption(),
                        "session." + FALSE_INTERRUPTION);
                c = b.build();
            }
            return c;
        } catch (ProtocolException e) {
            throw new ConfigException(session.source() + ": " + e.getMessage()
                    + " Fix the pipeline's session: block (keys as in the OpenAI Realtime session object).");
        }
    }
}
