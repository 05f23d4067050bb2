package dev.parley.runtime.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful drain (SIGTERM or {@code POST /v1/parley/drain}): new sessions are refused (1013) and readiness
 * turns false at once; each live session is told the server is going away and closed 1001 as soon as it has no
 * response in flight, and every session still answering after the drain timeout is closed the same way. Each
 * step is logged; {@link #finished()} completes when the last session has gone.
 */
final class Drain {
    private static final Logger log = LoggerFactory.getLogger(Drain.class);
    private static final long TICK_MS = 50;

    private final Admission admission;
    private final Duration timeout;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile ScheduledFuture<?> ticker;
    private volatile boolean timedOut;
    private long startNanos;

    Drain(Admission admission, Duration timeout, ScheduledExecutorService timers) {
        this.admission = admission;
        this.timeout = timeout;
        this.timers = timers;
    }

    /** Starts draining (once; later calls do nothing). */
    void start(String why) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        startNanos = System.nanoTime();
        log.info("Drain started ({}): new sessions are refused; {} live sessions finish their responses "
                + "(up to {} s), then are closed 1001", why, admission.liveSessions(), timeout.toSeconds());
        long deadline = startNanos + timeout.toNanos();
        admission.startDraining(this::allGone);
        if (!finished.isDone()) {
            ticker = timers.scheduleAtFixedRate(() -> tick(deadline), 0, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick(long deadline) {
        boolean force = System.nanoTime() - deadline >= 0;
        if (force && !timedOut) {
            timedOut = true;
            long answering = admission.liveSinks().stream().filter(s -> s.responsesInFlight() > 0).count();
            log.info("Drain timeout ({} s): closing {} sessions whose responses are still in flight",
                    timeout.toSeconds(), answering);
        }
        for (AdmittedSession s : admission.liveSinks()) {
            s.goAway(force);
        }
    }

    private void allGone() {
        admission.drained();
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
        log.info("Drain finished: the last session has gone ({} ms after the drain began)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        finished.complete(null);
    }

    boolean started() {
        return started.get();
    }

    /** Completes when every session has gone after {@link #start}. */
    CompletableFuture<Void> finished() {
        return finished;
    }
}
