package dev.parley.runtime.tracing;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns the core's {@link System#nanoTime()} stamps into the epoch nanoseconds spans carry: one anchor taken at
 * start, so stage spans built after the fact keep the exact intervals the stage clock measured.
 */
final class TraceClock {
    private final long anchorEpochNanos;
    private final long anchorNanoTime;

    TraceClock(Clock wall) {
        Instant now = wall.instant();
        this.anchorNanoTime = System.nanoTime();
        this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long epochNanos(long nanoTime) {
        return anchorEpochNanos + (nanoTime - anchorNanoTime);
    }
}
