package dev.parley.api.context;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The {@link TaskScheduler} the runtime provides: one daemon platform timer thread. Close it to stop it. */
public final class TimerScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;

    public TimerScheduler(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name(threadName).factory());
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return timer.schedule(task, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    /** Cancels every pending timer and stops the thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
