package dev.parley.runtime.server;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per remote address: a token bucket of handshakes (sustained rate, burst) and a window of failed logins. An
 * address over either gets HTTP 429 before any upgrade or key check, so a flood of wrong keys costs a
 * lookup, not a session.
 */
final class AddressThrottle {
    /** What one HTTP request from an address may do. */
    enum Verdict { ALLOWED, TOO_MANY_HANDSHAKES, TOO_MANY_FAILED_LOGINS }

    private static final int MAX_TRACKED = 100_000;

    private final int perSecond;
    private final int burst;
    private final int failedLimit;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();

    AddressThrottle(ServerLimits limits, LongSupplier nanos) {
        this.perSecond = limits.handshakesPerSecond();
        this.burst = Math.max(limits.handshakeBurst(), 1);
        this.failedLimit = limits.failedAuthLimit();
        this.windowNanos = limits.failedAuthWindow().toNanos();
        this.nanos = nanos;
    }

    Verdict check(InetAddress address) {
        if (address == null) {
            return Verdict.ALLOWED;
        }
        long now = nanos.getAsLong();
        if (entries.size() > MAX_TRACKED) {
            entries.values().removeIf(e -> e.idle(now));
        }
        Entry e = entries.computeIfAbsent(address, a -> new Entry(now));
        synchronized (e) {
            if (failedLimit > 0 && e.failures(now) >= failedLimit) {
                return Verdict.TOO_MANY_FAILED_LOGINS;
            }
            if (perSecond > 0 && !e.take(now)) {
                return Verdict.TOO_MANY_HANDSHAKES;
            }
            return Verdict.ALLOWED;
        }
    }

    void failedLogin(InetAddress address) {
        if (address == null || failedLimit == 0) {
            return;
        }
        long now = nanos.getAsLong();
        Entry e = entries.computeIfAbsent(address, a -> new Entry(now));
        synchronized (e) {
            e.failed.addLast(now);
            if (e.failed.size() > failedLimit) {
                e.failed.removeFirst();
            }
        }
    }

    /** Seconds until an address locked out for failed logins may try again (for {@code Retry-After}). */
    long retryAfterSeconds(InetAddress address) {
        Entry e = address == null ? null : entries.get(address);
        if (e == null) {
            return 1;
        }
        synchronized (e) {
            if (e.failed.isEmpty()) {
                return 1;
            }
            long left = e.failed.peekFirst() + windowNanos - nanos.getAsLong();
            return Math.max(1, (left + 999_999_999) / 1_000_000_000);
        }
    }

    private final class Entry {
        private double tokens = burst;
        private long refilledAt;
        private final ArrayDeque<Long> failed = new ArrayDeque<>();

        Entry(long now) {
            refilledAt = now;
        }

        boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        int failures(long now) {
            while (!failed.isEmpty() && now - failed.peekFirst() > windowNanos) {
                failed.removeFirst();
            }
            return failed.size();
        }

        synchronized boolean idle(long now) {
            return failures(now) == 0 && now - refilledAt > windowNanos;
        }
    }
}
