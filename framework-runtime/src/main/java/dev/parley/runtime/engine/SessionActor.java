package dev.parley.runtime.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A serial executor: tasks submitted from any thread run one at a time, in submission order, on a borrowed
 * thread. One per session; all session state is touched only from tasks run here, so it needs no locks.
 * Components (STT, LLM, TTS) run elsewhere and post their results back through {@link #execute}.
 */
public final class SessionActor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SessionActor.class);

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor carrier;
    private final String name;
    private volatile Thread runningOn;

    /**
     * @param name    for logs
     * @param carrier where batches of tasks run (e.g. a virtual-thread-per-task executor)
     */
    public SessionActor(String name, Executor carrier) {
        this.name = name;
        this.carrier = carrier;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (scheduled.compareAndSet(false, true)) {
            carrier.execute(this::drain);
        }
    }

    /**
     * Runs {@code task} at once on the calling thread if the actor is idle (nothing queued, nothing running) and
     * returns true; returns false, running nothing, when the actor is busy (the caller then uses
     * {@link #execute}). Order is kept: an idle actor has nothing that must run first, and tasks submitted while
     * {@code task} runs queue behind it. Saves the hand-off to a carrier thread (a wake-up and a context switch)
     * for short, non-blocking work the caller can afford to run on its own thread.
     */
    public boolean runIfIdle(Runnable task) {
        if (!queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return false;
        }
        runningOn = Thread.currentThread();
        try {
            runLogged(task);
        } finally {
            release();
        }
        return true;
    }

    /**
     * Runs {@code task} on the calling thread if the actor is idle, else queues it ({@link #runIfIdle}, then
     * {@link #execute}). For a component's result on the latency path (an STT final, a TTS chunk): the session
     * work it starts is short and non-blocking (engines' start calls return at once), and skipping the carrier
     * wake-up takes a thread hand-off off the time to first audio. Called from inside this actor's own task, it
     * queues (the actor is busy), so it never re-enters.
     */
    public void runOrExecute(Runnable task) {
        if (!runIfIdle(task)) {
            execute(task);
        }
    }

    /** True when called from a task of this actor. */
    public boolean inActor() {
        return runningOn == Thread.currentThread();
    }

    private void drain() {
        runningOn = Thread.currentThread();
        try {
            Runnable r;
            int budget = 256; // yield the carrier now and then so one busy session cannot starve others
            while (budget-- > 0 && (r = queue.poll()) != null) {
                runLogged(r);
            }
        } finally {
            release();
        }
    }

    /**
     * Runs {@code task} with the session's id in the logging MDC ({@code session_id}, in JSON logs), restoring
     * what the thread had: {@link #runIfIdle} may run on another session's thread.
     */
    private void runLogged(Runnable task) {
        String outer = MDC.get(LogKeys.SESSION_ID);
        MDC.put(LogKeys.SESSION_ID, name);
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("Session {}: task failed", name, e);
        } finally {
            if (outer == null) {
                MDC.remove(LogKeys.SESSION_ID);
            } else {
                MDC.put(LogKeys.SESSION_ID, outer);
            }
        }
    }

    /** Ends a batch: tasks queued while it ran (or after the last check) get a new one on the carrier. */
    private void release() {
        runningOn = null;
        scheduled.set(false);
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            carrier.execute(this::drain);
        }
    }
}
