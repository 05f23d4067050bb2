package dev.parley.runtime.conversation;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Generates the prefixed ids of the protocol ({@code sess_}, {@code item_}, {@code resp_}, {@code event_} …). */
public final class Ids {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    public static String session() {
        return next("sess_");
    }

    public static String conversation() {
        return next("conv_");
    }

    public static String item() {
        return next("item_");
    }

    public static String response() {
        return next("resp_");
    }

    public static String event() {
        return next("event_");
    }

    public static String call() {
        return next("call_");
    }

    /** An unguessable ephemeral key, {@code ek_…}; unlike the other ids it doubles as a credential. */
    public static String ephemeralKey() {
        return random("ek_", 40, SECURE);
    }

    static String next(String prefix) {
        return random(prefix, 21, ThreadLocalRandom.current());
    }

    private static String random(String prefix, int length, java.util.Random rnd) {
        StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
