package dev.parley.plugins.langchain4j;

import dev.parley.api.context.TaskScheduler;
import java.time.Duration;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires once when a generation has been silent for longer than its timeout — before the first token or between
 * tokens. The JDK client's request timeout only covers the wait for response headers, and a server that stalls
 * mid-stream must not hang a voice session. One check is scheduled at a time; activity only moves a timestamp.
 */
final class IdleWatchdog {
    private final TaskScheduler scheduler;
    private final long timeoutNanos;
    private final Runnable onTimeout;
    private volatile long lastActivity;
    private ScheduledFuture<?> pending;
    private boolean stopped;

    IdleWatchdog(TaskScheduler scheduler, Duration timeout, Runnable onTimeout) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = onTimeout;
    }

    /** Starts watching (again, after it fired or was stopped: a retry gets a fresh timeout). */
    synchronized void start() {
        if (pending != null) {
            pending.cancel(false);
        }
        stopped = false;
        lastActivity = System.nanoTime();
        schedule(timeoutNanos);
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    synchronized void stop() {
        stopped = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void check() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            long idle = System.nanoTime() - lastActivity;
            if (idle < timeoutNanos) {
                schedule(timeoutNanos - idle);
                return;
            }
            stopped = true;
        }
        onTimeout.run();
    }

    private void schedule(long delayNanos) {
        if (!stopped) {
            pending = scheduler.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
