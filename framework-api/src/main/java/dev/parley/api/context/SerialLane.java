package dev.parley.api.context;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link SerialExecutor} over a {@link CpuExecutor}: at most one turn of the lane is queued on or running in the
 * pool at a time. A turn runs the lane's queued tasks until none is left or {@value #TURN_MILLIS} ms have passed,
 * then queues the next turn behind the pool's other work: many short steps (audio chunks to decode) cost one wait
 * for a thread, not one each, and a busy lane still lets other lanes of its priority in.
 */
final class SerialLane implements SerialExecutor {
    static final long TURN_MILLIS = 10;
    private static final long TURN_NANOS = TURN_MILLIS * 1_000_000;

    /** SCHEDULED: one {@link #runTurn} is queued on or running in the pool. */
    private enum State { IDLE, SCHEDULED, TERMINATED }

    private final CpuExecutor pool;
    private final CpuPriority priority;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private State state = State.IDLE;
    private boolean shutdown;

    SerialLane(CpuExecutor pool, CpuPriority priority) {
        this.pool = pool;
        this.priority = priority;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the serial executor is shut down");
            }
            tasks.add(task);
            if (state != State.IDLE) {
                return;
            }
            state = State.SCHEDULED;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.submit(priority, this::runTurn);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                shutdown = true;
                state = State.TERMINATED;
                notifyAll();
            }
            throw e;
        }
    }

    private void runTurn() {
        long deadline = System.nanoTime() + TURN_NANOS;
        boolean more;
        do {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // as a pool task's failure would be: the task's own; the lane goes on with the next one
            }
            synchronized (this) {
                more = !tasks.isEmpty();
            }
        } while (more && System.nanoTime() < deadline);
        synchronized (this) {
            more = !tasks.isEmpty();
            if (!more) {
                state = shutdown ? State.TERMINATED : State.IDLE;
                notifyAll();
            }
        }
        if (more) {
            try {
                schedule();
            } catch (RejectedExecutionException poolClosed) {
                // the runtime is shutting down: the lane's remaining tasks are dropped with the pool's
            }
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        if (state == State.IDLE) {
            state = State.TERMINATED;
            notifyAll();
        }
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (state != State.TERMINATED) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
