package dev.parley.api.context;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The runtime's pool for CPU-bound and native work (decoding, synthesis, model inference), shared by every
 * component of the process. It runs tasks on a fixed number of <em>platform</em> threads, sized from the core
 * count, so native libraries and CPU-heavy loops never pin or starve a virtual-thread carrier; a component hands
 * such work here instead of starting its own threads.
 *
 * <p>Under saturation it queues, it does not grow: when every thread is busy a task waits in a priority queue
 * (highest {@link CpuPriority} first among work submitted close together, FIFO within one priority; a
 * lower priority is a later deadline — 25 ms for NORMAL, 250 ms for BACKGROUND — not a starvation). The queue is bounded; a submission beyond
 * {@link #queueCapacity()} waiting tasks, or after shutdown, throws {@link RejectedExecutionException}. Blocking
 * waits (network reads, sleeps, waiting for another pool task) do not belong here: they hold a thread that
 * decoding needs and can deadlock a small pool.
 */
public interface CpuExecutor extends Executor {
    /**
     * Queues {@code task} at {@code priority}.
     *
     * @return a future that completes when the task has run; {@code cancel(true)} interrupts it if running,
     *         and drops it if still queued
     * @throws RejectedExecutionException when the queue is full or the executor is shut down
     */
    Future<?> submit(CpuPriority priority, Runnable task);

    /** Queues {@code task} at {@link CpuPriority#NORMAL}. */
    @Override
    default void execute(Runnable task) {
        submit(CpuPriority.NORMAL, task);
    }

    /**
     * A serial view: tasks given to the returned executor run one at a time, in submission order, on this
     * pool's threads (not always the same thread). This is what a per-stream worker needs: order and exclusive
     * access to the stream's native state without a thread of its own.
     *
     * @param priority the priority each of the lane's tasks is queued with
     */
    SerialExecutor serial(CpuPriority priority);

    /** How many threads run tasks; fixed for the executor's life. */
    int threads();

    /** How many tasks may wait before {@link #submit} rejects. */
    int queueCapacity();

    /** True when the calling thread is one of this pool's threads. */
    boolean isPoolThread();
}
