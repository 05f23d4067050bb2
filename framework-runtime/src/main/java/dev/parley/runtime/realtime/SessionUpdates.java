package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code session.update} (GA or beta shape) and beta {@code transcription_session.update}: decoded into a typed
 * {@link ClientEvent} with a {@link SessionPatch} ({@link #decode}), then applied to the session as last
 * confirmed into a {@link SessionUpdate} ({@link #update}). The patch is applied to a copy, so an invalid update
 * changes nothing. What only the conversation can decide (may the voice change, does the variant exist) the core
 * checks.
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

    static ClientEvent.SessionUpdate decode(String eventId, ObjectNode event, Dialect dialect) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        // A GA-shaped update (it has 'type') is understood on a beta connection too, and vice versa a beta
        // connection's flat update needs no type.
        boolean ga = dialect == Dialect.GA || session.has("type");
        SessionPatch patch = ga ? SessionConfigReader.readGa(session, "session")
                : SessionConfigReader.readBeta(session, "session", false);
        String variant = requestedVariant(session);
        JsonNode liveVoice = parley(session).get("voice");
        String voice = liveVoice == null || liveVoice.isNull() ? null
                : SessionValues.voice(liveVoice, "session.parley.voice");
        return new ClientEvent.SessionUpdate(eventId, patch, variant, voice);
    }

    static ClientEvent.TranscriptionSessionUpdate decodeTranscription(String eventId, ObjectNode event) {
        ObjectNode session = Fields.requireObject(event, "session", "");
        return new ClientEvent.TranscriptionSessionUpdate(eventId,
                SessionConfigReader.readBeta(session, "session", true));
    }

    static SessionUpdate update(ClientEvent.SessionUpdate u, SessionConfig current) {
        SessionConfig next = u.session().applyTo(current);
        if (u.voice() != null) {
            SessionConfig.Builder voiced = next.toBuilder();
            voiced.voice = u.voice();
            next = voiced.build();
        }
        return new SessionUpdate(next, "session.updated", u.voice() != null, u.variant());
    }

    static SessionUpdate update(ClientEvent.TranscriptionSessionUpdate u, SessionConfig current) {
        return new SessionUpdate(u.session().applyTo(current), "transcription_session.updated", false, null);
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
