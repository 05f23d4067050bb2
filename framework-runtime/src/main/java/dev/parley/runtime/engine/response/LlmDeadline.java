package dev.parley.runtime.engine.response;

import dev.parley.runtime.engine.SessionActor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Voice-sized waits on the model, whatever its provider's own timeouts (issue 17: an LLM that accepted and never
 * answered gave 30 s of dead air). Before the first token it waits {@code firstTokenMs}; after it, a silence of
 * {@code stallMs} between tokens is a stall. One check is pending at a time; tokens only move a timestamp, and
 * the verdict is given on the session's actor.
 */
final class LlmDeadline {
    /** The run being watched, asked and told on the actor. */
    interface Watched {
        /** True while the run still waits on the model (running, and the model has not ended). */
        boolean awaitingModel();

        /** No token within {@code ms} of the request. */
        void noFirstToken(long ms);

        /** Tokens came, then none for {@code ms}. */
        void stalled(long ms);
    }

    private final ScheduledExecutorService scheduler;
    private final SessionActor actor;
    private final long firstTokenNanos;
    private final long stallNanos;
    private volatile long lastTokenNanos = -1;
    private Watched watched;
    private long startNanos;

    LlmDeadline(ScheduledExecutorService scheduler, SessionActor actor, long firstTokenMs, long stallMs) {
        this.scheduler = scheduler;
        this.actor = actor;
        this.firstTokenNanos = TimeUnit.MILLISECONDS.toNanos(firstTokenMs);
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
    }

    /** The request went out (on the actor). */
    void start(Watched run) {
        watched = run;
        startNanos = System.nanoTime();
        schedule(firstTokenNanos);
    }

    /** A token (text or tool call) arrived. */
    void token() {
        lastTokenNanos = System.nanoTime();
    }

    private void schedule(long delayNanos) {
        scheduler.schedule(() -> actor.execute(this::check), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (!watched.awaitingModel()) {
            return;
        }
        long now = System.nanoTime();
        long last = lastTokenNanos;
        if (last < 0) {
            long waited = now - startNanos;
            if (waited >= firstTokenNanos) {
                watched.noFirstToken(TimeUnit.NANOSECONDS.toMillis(firstTokenNanos));
            } else {
                schedule(firstTokenNanos - waited);
            }
            return;
        }
        long silent = now - last;
        if (silent >= stallNanos) {
            watched.stalled(TimeUnit.NANOSECONDS.toMillis(stallNanos));
        } else {
            schedule(stallNanos - silent);
        }
    }
}
