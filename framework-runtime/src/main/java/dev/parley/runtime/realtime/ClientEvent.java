package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client event whose envelope validated: known {@code type}, only that type's top-level fields.
 *
 * @param type    the event type as sent
 * @param eventId the client's {@code event_id}, or null
 * @param body    the whole event
 */
public record ClientEvent(String type, String eventId, ObjectNode body) {
}
