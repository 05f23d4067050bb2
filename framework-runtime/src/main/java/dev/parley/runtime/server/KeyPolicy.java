package dev.parley.runtime.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * How ephemeral keys are signed and reused, and who may drain the server.
 *
 * @param signingSecret HMAC-SHA256 secret of {@code ek_} tokens; nodes sharing it verify each other's keys
 * @param randomSecret  true when the secret was made up at start (keys die with the process)
 * @param ephemeralUses sessions one ephemeral key may open within its expiry, counted per node (default 1)
 * @param adminKey      bearer key for {@code POST /v1/parley/drain}, or null (the endpoint is then refused)
 */
public record KeyPolicy(byte[] signingSecret, boolean randomSecret, int ephemeralUses, String adminKey) {
    public static final String SECRET_ENV = "PARLEY_EPHEMERAL_KEY_SECRET";
    public static final String ADMIN_KEY_ENV = "PARLEY_ADMIN_KEY";

    public KeyPolicy {
        if (ephemeralUses < 1) {
            throw new IllegalArgumentException("--ephemeral-key-uses must be 1 or more");
        }
        if (signingSecret == null || signingSecret.length == 0) {
            signingSecret = randomBytes();
            randomSecret = true;
        } else if (signingSecret.length < 16) {
            throw new IllegalArgumentException("the ephemeral key secret must be at least 16 bytes");
        }
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.trim();
    }

    /** A random secret, single-use keys, no admin key. */
    public static KeyPolicy defaults() {
        return new KeyPolicy(null, true, 1, null);
    }

    /** From a flag value or, when null, the environment; null in both means a random per-process secret. */
    public static KeyPolicy of(String secret, int ephemeralUses, String adminKey) {
        String s = secret != null ? secret : System.getenv(SECRET_ENV);
        String a = adminKey != null ? adminKey : System.getenv(ADMIN_KEY_ENV);
        byte[] bytes = s == null || s.isBlank() ? null : s.getBytes(StandardCharsets.UTF_8);
        return new KeyPolicy(bytes, bytes == null, ephemeralUses, a);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
