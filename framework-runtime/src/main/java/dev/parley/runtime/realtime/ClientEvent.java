package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationItem;

/**
 * A client event whose envelope and fields validated ({@link ClientEventDecoder}), typed. The {@code session} of an
 * update and the {@code response} of a create are typed patches ({@link SessionPatch}, {@link ResponseOverrides}):
 * every check that needs no session is made while decoding, the rest when they are applied to the session.
 */
public sealed interface ClientEvent {
    /** The client's {@code event_id}, or null. */
    String eventId();

    /**
     * @param variant {@code session.parley.variant}, or null
     * @param voice   {@code session.parley.voice} (a live voice change), or null
     */
    record SessionUpdate(String eventId, SessionPatch session, String variant, String voice) implements ClientEvent {
    }

    /** Beta only. */
    record TranscriptionSessionUpdate(String eventId, SessionPatch session) implements ClientEvent {
    }

    /** Audio already decoded from base64. */
    record AudioAppend(String eventId, byte[] audio) implements ClientEvent {
    }

    record AudioCommit(String eventId) implements ClientEvent {
    }

    record AudioClear(String eventId) implements ClientEvent {
    }

    /** {@code previousItemId}: null to append, {@code "root"} to insert first. */
    record ItemCreate(String eventId, ConversationItem item, String previousItemId) implements ClientEvent {
    }

    record ItemRetrieve(String eventId, String itemId) implements ClientEvent {
    }

    record ItemDelete(String eventId, String itemId) implements ClientEvent {
    }

    record ItemTruncate(String eventId, String itemId, long contentIndex, long audioEndMs) implements ClientEvent {
    }

    /** {@code response}: the request's overrides (all unset when none were sent). */
    record ResponseCreate(String eventId, ResponseOverrides response) implements ClientEvent {
    }

    /** {@code responseId}: null for the conversation's response. */
    record ResponseCancel(String eventId, String responseId) implements ClientEvent {
    }

    record SessionClose(String eventId) implements ClientEvent {
    }
}
