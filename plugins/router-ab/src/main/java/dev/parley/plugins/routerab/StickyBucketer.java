package dev.parley.plugins.routerab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Maps a key to one of {@link #BUCKETS} buckets by SHA-256 of {@code salt + ":" + key}. Pure function of its
 * inputs — no seed, no JVM hash codes — so the same user lands in the same bucket after a restart and on every
 * server node; a new salt gives an independent shuffle.
 */
public final class StickyBucketer {
    /** Resolution of the weights: 10,000 buckets = 0.01 % steps. */
    public static final int BUCKETS = 10_000;

    private final String salt;

    public StickyBucketer(String salt) {
        this.salt = salt;
    }

    /** The bucket of {@code key}, in [0, {@link #BUCKETS}). */
    public int bucket(String key) {
        byte[] digest = sha256().digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xff);
        }
        // 63 uniform bits modulo 10,000: the modulo bias is below 1e-15
        return (int) ((v >>> 1) % BUCKETS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
