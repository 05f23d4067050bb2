package dev.parley.plugins.langchain4j;

import dev.parley.api.context.TaskScheduler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One engine's timers (idle checks, retry back-offs) on the runtime's shared {@link TaskScheduler}. The scheduler
 * outlives the engine, so the engine cancels its own pending timers on close: none fires into a closed engine.
 */
final class EngineTimers implements TaskScheduler {
    private final TaskScheduler scheduler;
    private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    EngineTimers(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return track(scheduler.schedule(guarded(task), delay, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return track(scheduler.scheduleAtFixedRate(guarded(task), initialDelay, period, unit));
    }

    /** Cancels every pending timer; later schedules are refused. */
    void close() {
        closed = true;
        pending.forEach(f -> f.cancel(false));
        pending.clear();
    }

    private Runnable guarded(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the LLM engine is closed");
        }
        return () -> {
            if (!closed) {
                task.run();
            }
        };
    }

    private ScheduledFuture<?> track(ScheduledFuture<?> future) {
        pending.removeIf(Future::isDone); // fired and cancelled timers; only a few are ever live
        pending.add(future);
        if (closed) {
            future.cancel(false);
        }
        return future;
    }
}
