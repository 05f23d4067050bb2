package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;

/** A server event and when it was sent (recording) or received (replay), in ms since the session began. */
public record TimedEvent(double atMs, JsonNode event) {
    String type() {
        return event.path("type").asText();
    }
}
