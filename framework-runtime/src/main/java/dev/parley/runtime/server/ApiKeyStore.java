package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.realtime.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys the server accepts: configured API keys, plus ephemeral {@code ek_} keys — signed tokens any node with
 * the same secret verifies. Each ephemeral key opens at most {@code uses} sessions within its expiry, counted on
 * this node only (a client replaying one key on several nodes gets {@code uses} sessions on each). The first
 * session gets the id announced at minting, later ones their own. With no configured keys the server is open.
 */
public final class ApiKeyStore {
    /** Outcome of checking a presented key. */
    public enum Verdict { ACCEPTED, MISSING, INVALID, USED_UP }

    private final List<byte[]> keys;
    private final List<String> keyIds;
    private final EphemeralKeyCodec codec;
    private final int uses;
    /** Token id → sessions opened with it on this node; entries leave once their key expires. */
    private final Map<String, Use> used = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Use(int count, long expiresAt) {
    }

    public ApiKeyStore(List<String> apiKeys, Clock clock) {
        this(apiKeys, clock, KeyPolicy.defaults());
    }

    public ApiKeyStore(List<String> apiKeys, Clock clock, KeyPolicy policy) {
        this.keys = apiKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.keyIds = apiKeys.stream().map(EphemeralKeyCodec::keyId).toList();
        this.codec = new EphemeralKeyCodec(policy.signingSecret());
        this.uses = policy.ephemeralUses();
        this.clock = clock;
    }

    public boolean open() {
        return keys.isEmpty();
    }

    /** For WebSocket connects: configured keys and live ephemeral keys with uses left. Consumes nothing. */
    public Verdict check(String presented) {
        if (open()) {
            return Verdict.ACCEPTED;
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        if (configuredIndex(presented) >= 0) {
            return Verdict.ACCEPTED;
        }
        EphemeralKey k = ephemeral(presented);
        if (k == null) {
            return Verdict.INVALID;
        }
        Use u = used.get(k.tokenId());
        return u != null && u.count() >= uses ? Verdict.USED_UP : Verdict.ACCEPTED;
    }

    /** For minting: only a configured (long-lived) key may mint ephemeral ones. */
    public Verdict checkConfigured(String presented) {
        if (open()) {
            return Verdict.ACCEPTED;
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return configuredIndex(presented) >= 0 ? Verdict.ACCEPTED : Verdict.INVALID;
    }

    /** The verified, unexpired ephemeral key with this value, or null. */
    public EphemeralKey ephemeral(String value) {
        EphemeralKey k = codec.decode(value);
        return k == null || k.expiresAt() <= clock.instant().getEpochSecond() ? null : k;
    }

    /**
     * Takes one use of {@code k}: the session id for the session it opens (the minted one first, a new one after),
     * or null when its uses are spent.
     */
    public String claim(EphemeralKey k) {
        purgeExpired();
        int[] n = new int[1];
        used.compute(k.tokenId(), (id, u) -> {
            int before = u == null ? 0 : u.count();
            n[0] = before < uses ? before + 1 : -1;
            return new Use(before < uses ? before + 1 : before, k.expiresAt());
        });
        return n[0] < 0 ? null : n[0] == 1 ? k.sessionId() : Ids.session();
    }

    /** Who a presented key counts as for per-key caps: a configured key's id, an ephemeral key's minter. */
    public String keyId(String presented) {
        if (open() || presented == null) {
            return null;
        }
        int i = configuredIndex(presented);
        if (i >= 0) {
            return keyIds.get(i);
        }
        EphemeralKey k = ephemeral(presented);
        return k == null ? null : k.mintedBy();
    }

    public EphemeralKey issue(Duration ttl, ObjectNode session, Dialect shape) {
        return issue(ttl, session, shape, null);
    }

    /** Mints a key; {@code mintedWith} is the configured key that asked (null on an open server). */
    public EphemeralKey issue(Duration ttl, ObjectNode session, Dialect shape, String mintedWith) {
        String tokenId = Ids.ephemeralKey().substring(3);
        long exp = clock.instant().plus(ttl).getEpochSecond();
        String sid = Ids.session();
        String kid = mintedWith == null || open() ? null : keyId(mintedWith);
        String value = codec.encode(tokenId, exp, sid, kid, shape, session);
        return new EphemeralKey(value, exp, sid, session, shape, tokenId, kid);
    }

    private int configuredIndex(String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        int match = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(keys.get(i), p) && match < 0) { // constant time per key
                match = i;
            }
        }
        return match;
    }

    private void purgeExpired() {
        long now = clock.instant().getEpochSecond();
        used.values().removeIf(u -> u.expiresAt() <= now);
    }
}
