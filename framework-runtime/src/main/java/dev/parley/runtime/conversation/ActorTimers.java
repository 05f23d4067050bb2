package dev.parley.runtime.conversation;

import dev.parley.runtime.engine.SessionActor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs a task on the session's actor after a delay (or next), unless the session ended meanwhile. */
final class ActorTimers {
    private final ScheduledExecutorService timers;
    private final SessionActor actor;
    private final BooleanSupplier live;

    ActorTimers(ScheduledExecutorService timers, SessionActor actor, BooleanSupplier live) {
        this.timers = timers;
        this.actor = actor;
        this.live = live;
    }

    void later(Duration delay, Runnable task) {
        timers.schedule(() -> actor.execute(() -> {
            if (live.getAsBoolean()) {
                task.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Behind the actor's current task and whatever it queued so far. */
    void next(Runnable task) {
        actor.execute(() -> {
            if (live.getAsBoolean()) {
                task.run();
            }
        });
    }
}
