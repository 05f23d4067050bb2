package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationItem;

/**
 * A client event whose envelope and fields validated ({@link ClientEventDecoder}), typed. Objects whose reading
 * depends on the session (the {@code session} of an update, the {@code response} of a create) stay JSON here and
 * are read against it, keeping the protocol's error messages and {@code param} paths.
 */
public sealed interface ClientEvent {
    /** The client's {@code event_id}, or null. */
    String eventId();

    record SessionUpdate(String eventId, ObjectNode body) implements ClientEvent {
    }

    /** Beta only. */
    record TranscriptionSessionUpdate(String eventId, ObjectNode body) implements ClientEvent {
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

    /** {@code response}: the request's overrides ({} when none were sent). */
    record ResponseCreate(String eventId, ObjectNode response) implements ClientEvent {
    }

    /** {@code responseId}: null for the conversation's response. */
    record ResponseCancel(String eventId, String responseId) implements ClientEvent {
    }

    record SessionClose(String eventId) implements ClientEvent {
    }
}
