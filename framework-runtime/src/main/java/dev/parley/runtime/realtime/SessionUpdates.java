package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@code session.update} (GA or beta shape) and beta {@code transcription_session.update} into a
 * {@link SessionUpdate}: the whole update is validated on a copy, so an invalid one changes nothing. What only
 * the conversation can decide (may the voice change, does the variant exist) the core checks.
 */
final class SessionUpdates {
    /**
     * A validated update.
     *
     * @param replyType   the event that confirms it
     * @param voiceForced Parley's live voice change ({@code session.parley.voice}): allowed after assistant audio
     * @param variant     {@code session.parley.variant}, or null
     */
    record SessionUpdate(SessionConfig next, String replyType, boolean voiceForced, String variant) {
    }

    private SessionUpdates() {
    }

    static SessionUpdate update(ObjectNode event, SessionConfig current, Dialect dialect) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        // A GA-shaped update (it has 'type') is understood on a beta connection too, and vice versa a beta
        // connection's flat update needs no type.
        boolean ga = dialect == Dialect.GA || session.has("type");
        SessionConfig next = ga ? SessionConfigReader.applyGa(current, session, "session")
                : SessionConfigReader.applyBeta(current, session, "session", false);
        String variant = requestedVariant(session);
        JsonNode liveVoice = parley(session).get("voice");
        boolean forced = liveVoice != null && !liveVoice.isNull();
        if (forced) {
            SessionConfig.Builder voiced = next.toBuilder();
            voiced.voice = SessionValues.voice(liveVoice, "session.parley.voice");
            next = voiced.build();
        }
        return new SessionUpdate(next, "session.updated", forced, variant);
    }

    static SessionUpdate updateTranscription(ObjectNode event, SessionConfig current) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        return new SessionUpdate(SessionConfigReader.applyBeta(current, session, "session", true),
                "transcription_session.updated", false, null);
    }

    private static ObjectNode parley(ObjectNode session) {
        return session.hasNonNull("parley") ? Fields.object(session.get("parley"), "session.parley")
                : EventEmitter.MAPPER.createObjectNode();
    }

    /** The Parley extension {@code session.parley.variant}, or null; other {@code parley} keys are read-only. */
    private static String requestedVariant(ObjectNode session) {
        ObjectNode parley = parley(session);
        return parley.hasNonNull("variant") ? Fields.string(parley.get("variant"), RefusalErrors.VARIANT_PARAM)
                : null;
    }
}
