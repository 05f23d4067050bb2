package dev.parley.api.context;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers for components: idle checks, retry back-offs, periodic sampling. Tasks run on one shared timer thread,
 * so they must be short; a timer that starts real work hands it to {@link CpuExecutor} (CPU-bound) or a virtual
 * thread (blocking I/O). A cancelled timer is removed at once, so cancelling many does not pile them up.
 */
public interface TaskScheduler {
    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @throws RejectedExecutionException after the runtime has shut the scheduler down
     */
    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit);

    /** Runs {@code task} every {@code period} after {@code initialDelay} until the future is cancelled. */
    ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit);
}
