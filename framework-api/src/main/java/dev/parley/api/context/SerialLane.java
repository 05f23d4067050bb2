package dev.parley.api.context;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link SerialExecutor} over a {@link CpuExecutor}: at most one of its tasks is queued on or running in the pool
 * at a time, and each pool turn runs one task, so a busy lane does not keep other lanes of equal priority waiting.
 */
final class SerialLane implements SerialExecutor {
    /** SCHEDULED: one {@link #runOne} is queued on or running in the pool. */
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
            pool.submit(priority, this::runOne);
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

    private void runOne() {
        Runnable next;
        synchronized (this) {
            next = tasks.poll();
        }
        try {
            if (next != null) {
                next.run();
            }
        } finally {
            boolean more;
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
