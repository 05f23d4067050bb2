package dev.parley.runtime.server;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * One live session for the admin service.
 *
 * @param transport {@code websocket}, {@code grpc}, …
 * @param variant   the A/B variant, or null
 * @param state     the session's current state (e.g. the agent state), read when listed
 */
public record SessionSummary(String id, String transport, String pipeline, String variant, Instant started,
                             Supplier<String> state) {
}
