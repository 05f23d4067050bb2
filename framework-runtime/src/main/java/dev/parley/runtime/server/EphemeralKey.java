package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;

/**
 * A short-lived {@code ek_…} key minted by {@code POST /v1/realtime/client_secrets} (or beta
 * {@code /v1/realtime/sessions}); valid for connecting until {@code expiresAt}. The value is a signed token
 * (see {@link EphemeralKeyCodec}) that carries every other field, so any node sharing the secret can verify it.
 *
 * @param value        the key
 * @param expiresAt    unix seconds
 * @param sessionId    the {@code sess_…} id announced at minting, given to the first session that uses the key
 * @param session      session settings given at minting (applied on connect), or null
 * @param sessionShape which shape {@code session} is in (GA nested or beta flat)
 * @param tokenId      unique per minted key: what use counting is keyed by
 * @param mintedBy     id of the configured key that minted it (per-key session caps), or null on an open server
 */
public record EphemeralKey(String value, long expiresAt, String sessionId, ObjectNode session, Dialect sessionShape,
                           String tokenId, String mintedBy) {
}
