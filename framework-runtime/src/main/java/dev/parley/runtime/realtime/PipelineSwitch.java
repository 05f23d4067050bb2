package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live component swap: {@code session.update} with {@code session.parley.variant} asks for another variant of the
 * session's pipeline; at the next turn boundary (no response writing to the conversation, the user not speaking)
 * the session closes its engine streams and opens new ones on the variant's engines, then sends
 * {@code session.updated} with the new {@code session.parley.variant}. Conversation, settings and connection stay.
 * Switching between turns, never within one, is what keeps an utterance or an answer from being cut in two.
 */
final class PipelineSwitch {
    private static final Logger log = LoggerFactory.getLogger(PipelineSwitch.class);
    static final String PARAM = "session.parley.variant";

    private final SessionContext ctx;
    private final InputListener input;
    private SessionEngineFactory engines;
    private VariantSwitcher switcher;

    PipelineSwitch(SessionContext ctx, InputListener input) {
        this.ctx = ctx;
        this.input = input;
    }

    /** Called once the session's first engine is open. {@code switcher} may be null (no variants). */
    void attach(SessionEngineFactory engines, VariantSwitcher switcher) {
        this.engines = engines;
        this.switcher = switcher;
    }

    /** Checks and records a requested variant; an unknown one is refused and nothing changes. */
    void request(String variant) {
        if (switcher == null) {
            throw ProtocolException.invalidRequest("invalid_variant", PARAM, "Pipeline '" + ctx.identity.pipeline()
                    + "' has no variants to switch to; declare variants and a router in its YAML.");
        }
        try {
            switcher.request(variant);
        } catch (RuntimeException e) {
            throw ProtocolException.invalidRequest("invalid_variant", PARAM, e.getMessage());
        }
    }

    /** At a possible turn boundary: applies a pending switch when the session is {@code idle}. */
    void atTurnBoundary(boolean idle) {
        if (switcher == null || !switcher.pending() || !idle || ctx.phase != SessionContext.Phase.OPEN) {
            return;
        }
        Pipeline next = switcher.atTurnBoundary();
        SessionEngine previous = ctx.engine;
        try {
            ctx.engine = engines.open(next, ctx.actor, input);
            ctx.engine.input().configure(ctx.inputSettings());
        } catch (RuntimeException e) {
            ctx.engine = previous;
            log.error("Session {}: cannot switch to variant {}: {}", ctx.identity.id(), next.variant(), e.toString());
            ctx.out.error("server_error", "variant_switch_failed", PARAM, "The server could not open variant '"
                    + next.variant() + "'; the session stays on '" + ctx.identity.variant() + "'.", null);
            return;
        }
        previous.close();
        SessionIdentity old = ctx.identity;
        ctx.identity = new SessionIdentity(old.id(), old.expiresAt(), next.name(), next.variant());
        ObjectNode e = ctx.out.event(ctx.realtime() ? "session.updated" : "transcription_session.updated");
        e.set("session", SessionConfigWriter.write(ctx.config, ctx.identity, ctx.out.dialect()));
        ctx.out.send(e);
    }
}
