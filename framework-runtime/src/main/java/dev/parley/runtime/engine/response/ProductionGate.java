package dev.parley.runtime.engine.response;

import dev.parley.runtime.engine.OutputReadiness;
import dev.parley.runtime.engine.SessionActor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether one response may start its next synthesis: only while the session's output is ready (the client reads)
 * and the audio already delivered is at most {@code maxLeadMs} ahead of playback, which is counted in real time
 * from the first delta (as the client hears it). When the lead is the reason, it wakes the run on the actor once
 * playback has caught up; when readiness is, the generator's readiness listener does.
 *
 * <p>Before it, a client that paused its socket had synthesis run on at 24x real time into its queue (heap +2 MB/s,
 * issue 17); the gate stops synthesis at the next clause instead. On the session actor.
 */
final class ProductionGate {
    /** The session's side of every response's gate. */
    record Factory(OutputReadiness output, ScheduledExecutorService scheduler, SessionActor actor) {
        ProductionGate open(long maxLeadMs, Runnable resume) {
            return new ProductionGate(output, maxLeadMs, scheduler, actor, resume);
        }
    }

    private final OutputReadiness output;
    private final long maxLeadMs;
    private final ScheduledExecutorService scheduler;
    private final SessionActor actor;
    private final Runnable resume;
    private long firstDeltaNanos;
    private long deliveredMs;
    private ScheduledFuture<?> wake;

    /**
     * @param maxLeadMs 0: no lead bound (turn-based responses, whose audio is held until the end)
     * @param resume    runs on the actor when production may go on
     */
    ProductionGate(OutputReadiness output, long maxLeadMs, ScheduledExecutorService scheduler, SessionActor actor,
                   Runnable resume) {
        this.output = output;
        this.maxLeadMs = maxLeadMs;
        this.scheduler = scheduler;
        this.actor = actor;
        this.resume = resume;
    }

    /** Audio of {@code durationMs} went to the client. */
    void delivered(long durationMs) {
        if (firstDeltaNanos == 0) {
            firstDeltaNanos = System.nanoTime();
        }
        deliveredMs += durationMs;
    }

    /** How far the delivered audio runs ahead of the client's playback, in ms (0 before the first delta). */
    long leadMs() {
        if (firstDeltaNanos == 0) {
            return 0;
        }
        return deliveredMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstDeltaNanos);
    }

    /** True when the next synthesis may start; when not, the resume callback will run once it may. */
    boolean mayStart() {
        if (!output.ready()) {
            return false;
        }
        long over = maxLeadMs > 0 ? leadMs() - maxLeadMs : 0;
        if (over <= 0) {
            return true;
        }
        if (wake == null) {
            // cleared on the actor before the resume, so a resume that finds the lead still over schedules again
            wake = scheduler.schedule(() -> actor.execute(this::woken), over + 1, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private void woken() {
        wake = null;
        resume.run();
    }

    void cancel() {
        ScheduledFuture<?> w = wake;
        if (w != null) {
            w.cancel(false);
        }
    }
}
