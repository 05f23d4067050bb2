package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code session.update} (GA or beta shape) and beta {@code transcription_session.update}: validate the whole
 * update on a copy, refuse a voice change once assistant audio exists, then swap it in, reconfigure the input
 * path and answer with the full effective session.
 */
final class SessionUpdates {
    private final SessionContext ctx;
    private final PipelineSwitch pipelineSwitch;

    SessionUpdates(SessionContext ctx, PipelineSwitch pipelineSwitch) {
        this.ctx = ctx;
        this.pipelineSwitch = pipelineSwitch;
    }

    void update(ObjectNode event) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        // A GA-shaped update (it has 'type') is understood on a beta connection too, and vice versa a beta
        // connection's flat update needs no type.
        boolean ga = ctx.out.dialect() == Dialect.GA || session.has("type");
        SessionConfig next = ga ? SessionConfigReader.applyGa(ctx.config, session, "session")
                : SessionConfigReader.applyBeta(ctx.config, session, "session", false);
        String variant = requestedVariant(session);
        JsonNode liveVoice = parley(session).get("voice");
        if (liveVoice != null && !liveVoice.isNull()) {
            // Parley's live voice change: allowed after assistant audio, from the next response on
            next.voice = SessionValues.voice(liveVoice, "session.parley.voice");
        } else {
            checkVoice(next);
        }
        if (variant != null) {
            pipelineSwitch.request(variant); // last check: after it, nothing can refuse the update
        }
        commit(next, "session.updated");
        ctx.turnBoundary.run();
    }

    private static ObjectNode parley(ObjectNode session) {
        return session.hasNonNull("parley") ? Fields.object(session.get("parley"), "session.parley")
                : EventEmitter.MAPPER.createObjectNode();
    }

    /** The Parley extension {@code session.parley.variant}, or null; other {@code parley} keys are read-only. */
    private static String requestedVariant(ObjectNode session) {
        ObjectNode parley = parley(session);
        return parley.hasNonNull("variant") ? Fields.string(parley.get("variant"), PipelineSwitch.PARAM) : null;
    }

    void updateTranscription(ObjectNode event) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        apply(SessionConfigReader.applyBeta(ctx.config, session, "session", true), "transcription_session.updated");
    }

    private void checkVoice(SessionConfig next) {
        if (ctx.assistantAudioPresent && !next.voice.equals(ctx.config.voice)) {
            throw ProtocolException.invalidRequest("cannot_update_voice", null,
                    "Cannot update a conversation's voice if assistant audio is present.");
        }
    }

    private void apply(SessionConfig next, String replyType) {
        checkVoice(next);
        commit(next, replyType);
    }

    private void commit(SessionConfig next, String replyType) {
        ctx.config = next;
        ctx.engine.input().configure(ctx.inputSettings());
        ObjectNode e = ctx.out.event(replyType);
        e.set("session", SessionConfigWriter.write(next, ctx.identity, ctx.out.dialect()));
        ctx.out.send(e);
    }
}
