package dev.parley.tck;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the JVM as a whole was stalled (garbage collection, safepoints, a starved CPU on a loaded
 * build machine) during a time window, so that a call is not blamed for a pause it did not cause. A daemon thread
 * sleeps in 5 ms steps and records each wake-up that came late; the stall of a window is the lateness that
 * overlaps it. A call that blocks on its own (sleeps, waits for a lock, decodes on the caller's thread) does not
 * delay this thread, so it is still caught.
 */
final class StallProbe {
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int SIZE = 4096;
    private static final long[] lateFrom = new long[SIZE];
    private static final long[] lateTo = new long[SIZE];
    private static int next;
    private static boolean started;

    private StallProbe() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(StallProbe::run, "tck-stall-probe");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        long expected = System.nanoTime() + STEP_NANOS;
        while (true) {
            LockSupport.parkNanos(STEP_NANOS);
            long now = System.nanoTime();
            if (now - expected > SLACK_NANOS) {
                record(expected, now);
            }
            expected = now + STEP_NANOS;
        }
    }

    private static synchronized void record(long from, long to) {
        lateFrom[next] = from;
        lateTo[next] = to;
        next = (next + 1) % SIZE;
    }

    /** Nanoseconds of stall recorded within [{@code from}, {@code to}]. */
    static synchronized long stalledNanos(long from, long to) {
        long sum = 0;
        for (int i = 0; i < SIZE; i++) {
            long a = Math.max(from, lateFrom[i]);
            long b = Math.min(to, lateTo[i]);
            if (b > a) {
                sum += b - a;
            }
        }
        return sum;
    }
}
