package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.conversation.Ids;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys the server accepts: configured API keys, plus ephemeral {@code ek_} keys it minted, each valid until
 * it expires. With no configured keys the server is open: every connection is accepted.
 */
public final class ApiKeyStore {
    /** Outcome of checking a presented key. */
    public enum Verdict { ACCEPTED, MISSING, INVALID }

    private final List<byte[]> keys;
    private final Map<String, EphemeralKey> ephemeral = new ConcurrentHashMap<>();
    private final Clock clock;

    public ApiKeyStore(List<String> apiKeys, Clock clock) {
        this.keys = apiKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.clock = clock;
    }

    public boolean open() {
        return keys.isEmpty();
    }

    /** For WebSocket connects: configured keys and live ephemeral keys. */
    public Verdict check(String presented) {
        if (open()) {
            return Verdict.ACCEPTED;
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return isConfigured(presented) || ephemeral(presented) != null ? Verdict.ACCEPTED : Verdict.INVALID;
    }

    /** For minting: only a configured (long-lived) key may mint ephemeral ones. */
    public Verdict checkConfigured(String presented) {
        if (open()) {
            return Verdict.ACCEPTED;
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return isConfigured(presented) ? Verdict.ACCEPTED : Verdict.INVALID;
    }

    /** The live ephemeral key with this value, or null. */
    public EphemeralKey ephemeral(String value) {
        if (value == null || !value.startsWith("ek_")) {
            return null;
        }
        EphemeralKey k = ephemeral.get(value);
        if (k != null && k.expiresAt() <= clock.instant().getEpochSecond()) {
            ephemeral.remove(value);
            return null;
        }
        return k;
    }

    public EphemeralKey issue(Duration ttl, ObjectNode session, Dialect shape) {
        purgeExpired();
        EphemeralKey k = new EphemeralKey(Ids.ephemeralKey(), clock.instant().plus(ttl).getEpochSecond(),
                Ids.session(), session, shape);
        ephemeral.put(k.value(), k);
        return k;
    }

    private boolean isConfigured(String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] k : keys) {
            match |= MessageDigest.isEqual(k, p); // constant time per key
        }
        return match;
    }

    private void purgeExpired() {
        long now = clock.instant().getEpochSecond();
        ephemeral.values().removeIf(k -> k.expiresAt() <= now);
    }
}
