package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;

/**
 * A short-lived {@code ek_…} key minted by {@code POST /v1/realtime/client_secrets} (or beta
 * {@code /v1/realtime/sessions}); valid for connecting until {@code expiresAt}.
 *
 * @param value        the key
 * @param expiresAt    unix seconds
 * @param sessionId    the {@code sess_…} id announced at minting, reused by the session that connects with it
 * @param session      session settings given at minting (applied on connect), or null
 * @param sessionShape which shape {@code session} is in (GA nested or beta flat)
 */
public record EphemeralKey(String value, long expiresAt, String sessionId, ObjectNode session, Dialect sessionShape) {
}
