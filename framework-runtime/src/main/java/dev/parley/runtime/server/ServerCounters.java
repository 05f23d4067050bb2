package dev.parley.runtime.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the transport refused or cut, counted since start: one place the metrics work can read (or bind to
 * Micrometer gauges) later. Counters only grow.
 */
public final class ServerCounters {
    /** Handshakes refused with 1013 because the server or the key was at its session limit. */
    public final LongAdder refusedAtCapacity = new LongAdder();
    /** Handshakes refused with 1013 while draining. */
    public final LongAdder refusedDraining = new LongAdder();
    /** Handshakes answered 429: too many from one address, or too many failed logins. */
    public final LongAdder throttled = new LongAdder();
    /** Logins refused for a missing, invalid or used-up key. */
    public final LongAdder failedLogins = new LongAdder();
    /** Connections closed because they did not finish their HTTP request in time. */
    public final LongAdder handshakeTimeouts = new LongAdder();
    /** Connections closed because their client stopped reading. */
    public final LongAdder slowReaderCloses = new LongAdder();
    /** The most output ever queued for one connection, in bytes (bounded by the hard cap). */
    public final java.util.concurrent.atomic.LongAccumulator peakQueuedOutputBytes =
            new java.util.concurrent.atomic.LongAccumulator(Math::max, 0);
    /** Text frames refused for invalid UTF-8 (close 1007). */
    public final LongAdder invalidUtf8 = new LongAdder();

    /** Sessions refused at the handshake for any limit (capacity or drain): what issue 16 asks to count. */
    public long refusedSessions() {
        return refusedAtCapacity.sum() + refusedDraining.sum();
    }

    /** The refusals and cuts by reason, as {@code parley_connections_refused_total{reason}} shows them. */
    public java.util.Map<String, LongAdder> byReason() {
        return java.util.Map.of("at_capacity", refusedAtCapacity, "draining", refusedDraining,
                "throttled", throttled, "failed_login", failedLogins, "handshake_timeout", handshakeTimeouts,
                "slow_reader", slowReaderCloses, "invalid_utf8", invalidUtf8);
    }

    @Override
    public String toString() {
        return "refused_at_capacity=" + refusedAtCapacity.sum() + " refused_draining=" + refusedDraining.sum()
                + " throttled=" + throttled.sum() + " failed_logins=" + failedLogins.sum()
                + " handshake_timeouts=" + handshakeTimeouts.sum() + " slow_reader_closes="
                + slowReaderCloses.sum() + " invalid_utf8=" + invalidUtf8.sum() + " peak_queued_output_bytes=" + peakQueuedOutputBytes.get();
    }
}
