package dev.parley.api.context;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link SerialExecutor} over a {@link CpuExecutor}: the lane's tasks run one at a time, in submission order, in
 * <em>turns</em> on the pool. A turn runs the lane's queued tasks until none is left or {@value #TURN_MILLIS} ms
 * have passed, then queues the next turn behind the pool's other work: many short steps (audio chunks to decode)
 * cost one wait for a thread, not one each, and a busy lane still lets other lanes of its priority in.
 *
 * <p>A turn is queued at the most urgent {@link CpuPriority} among the lane's waiting tasks, so a final queued
 * behind audio chunks lifts the whole lane (the chunks must be decoded first anyway), and a lane holding only
 * background work (a partial hypothesis) waits behind everyone's urgent and normal work. When a more urgent task
 * arrives while a turn waits at a lower priority, a second turn is queued at the higher one; whichever starts first
 * runs the tasks, and a turn that finds the lane running or empty ends at once.
 */
final class SerialLane implements SerialExecutor {
    static final long TURN_MILLIS = 10;
    private static final long TURN_NANOS = TURN_MILLIS * 1_000_000;

    /** SCHEDULED: a turn is queued on the pool; RUNNING: a turn is running the lane's tasks. */
    private enum State { IDLE, SCHEDULED, RUNNING, TERMINATED }

    private record Task(CpuPriority priority, Runnable body) {
    }

    private final CpuExecutor pool;
    private final CpuPriority defaultPriority;
    private final Queue<Task> tasks = new ArrayDeque<>();
    private State state = State.IDLE;
    /** SCHEDULED: the most urgent priority a queued turn has. */
    private CpuPriority scheduledAt;
    private boolean shutdown;

    SerialLane(CpuExecutor pool, CpuPriority priority) {
        this.pool = pool;
        this.defaultPriority = priority;
    }

    @Override
    public void execute(Runnable task) {
        execute(defaultPriority, task);
    }

    @Override
    public void execute(CpuPriority priority, Runnable task) {
        CpuPriority submitAt;
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the serial executor is shut down");
            }
            tasks.add(new Task(priority, task));
            if (state == State.IDLE) {
                state = State.SCHEDULED;
                scheduledAt = priority;
                submitAt = priority;
            } else if (state == State.SCHEDULED && priority.compareTo(scheduledAt) < 0) {
                scheduledAt = priority; // a waiting turn is too late for this one: queue a more urgent turn
                submitAt = priority;
            } else {
                return; // a turn at this priority or better is queued, or one is running and will see it
            }
        }
        schedule(submitAt);
    }

    private void schedule(CpuPriority priority) {
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
        synchronized (this) {
            if (state != State.SCHEDULED) {
                return; // a spare turn: another one ran (or is running) the lane's tasks
            }
            state = State.RUNNING;
        }
        long deadline = System.nanoTime() + TURN_NANOS;
        boolean more;
        do {
            Task next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.body().run();
            } catch (RuntimeException | Error e) {
                // as a pool task's failure would be: the task's own; the lane goes on with the next one
            }
            synchronized (this) {
                more = !tasks.isEmpty();
            }
        } while (more && System.nanoTime() < deadline);
        CpuPriority again;
        synchronized (this) {
            if (tasks.isEmpty()) {
                state = shutdown ? State.TERMINATED : State.IDLE;
                notifyAll();
                return;
            }
            again = mostUrgentWaiting();
            state = State.SCHEDULED;
            scheduledAt = again;
        }
        try {
            schedule(again);
        } catch (RejectedExecutionException poolClosed) {
            // the runtime is shutting down: the lane's remaining tasks are dropped with the pool's
        }
    }

    /** With the lock held and tasks waiting. */
    private CpuPriority mostUrgentWaiting() {
        CpuPriority best = CpuPriority.BACKGROUND;
        for (Task t : tasks) {
            if (t.priority().compareTo(best) < 0) {
                best = t.priority();
            }
        }
        return best;
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
