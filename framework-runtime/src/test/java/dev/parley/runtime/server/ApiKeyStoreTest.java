package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.realtime.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void ephemeralKeysWorkUntilTheyExpire() {
        ManualClock clock = new ManualClock();
        ApiKeyStore keys = new ApiKeyStore(List.of("sk-1"), clock);
        EphemeralKey k = keys.issue(Duration.ofSeconds(60), null, Dialect.GA);
        assertTrue(k.value().startsWith("ek_") && k.value().length() > 40);
        assertEquals(ApiKeyStore.Verdict.ACCEPTED, keys.check(k.value()));
        assertEquals(ApiKeyStore.Verdict.INVALID, keys.checkConfigured(k.value()));
        clock.now = clock.now.plusSeconds(61);
        assertEquals(ApiKeyStore.Verdict.INVALID, keys.check(k.value()));
        assertNull(keys.ephemeral(k.value()));
        assertEquals(ApiKeyStore.Verdict.MISSING, keys.check(null));
        assertEquals(ApiKeyStore.Verdict.ACCEPTED, keys.check("sk-1"));
    }

    @Test
    void noConfiguredKeysMeansOpen() {
        ApiKeyStore keys = new ApiKeyStore(List.of(), Clock.systemUTC());
        assertTrue(keys.open());
        assertEquals(ApiKeyStore.Verdict.ACCEPTED, keys.check(null));
    }

    @Test
    void ephemeralKeysAreSignedTokensWithAUsePolicyPerNode() {
        ManualClock clock = new ManualClock();
        KeyPolicy twoUses = new KeyPolicy("a-secret-of-16-bytes-or-more".getBytes(), false, 2, null);
        ApiKeyStore node = new ApiKeyStore(List.of("sk-1"), clock, twoUses);
        ApiKeyStore peer = new ApiKeyStore(List.of("sk-1"), clock, twoUses);
        ApiKeyStore stranger = new ApiKeyStore(List.of("sk-1"), clock);
        EphemeralKey k = node.issue(Duration.ofSeconds(60), null, Dialect.GA, "sk-1");
        EphemeralKey verified = peer.ephemeral(k.value());
        assertEquals(k.sessionId(), verified.sessionId(), "the peer reads the token without shared state");
        assertEquals(node.keyId("sk-1"), verified.mintedBy(), "counted for the key that minted it");
        assertNull(stranger.ephemeral(k.value()), "another secret does not verify it");
        assertEquals(k.sessionId(), node.claim(k), "the first session gets the minted id");
        String second = node.claim(k);
        assertTrue(second.startsWith("sess_") && !second.equals(k.sessionId()), "later ones their own");
        assertEquals(ApiKeyStore.Verdict.USED_UP, node.check(k.value()));
        assertNull(node.claim(k));
        assertEquals(ApiKeyStore.Verdict.ACCEPTED, peer.check(k.value()), "uses are counted per node");
        String v = k.value();
        String flipped = v.substring(0, 10) + (v.charAt(10) == 'A' ? 'B' : 'A') + v.substring(11);
        assertEquals(ApiKeyStore.Verdict.INVALID, node.check(flipped));
        assertEquals(ApiKeyStore.Verdict.INVALID, node.check("ek_garbage"));
    }
}
