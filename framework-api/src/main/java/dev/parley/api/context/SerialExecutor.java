package dev.parley.api.context;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An executor that runs its tasks one at a time in submission order on a shared {@link CpuExecutor}; see
 * {@link CpuExecutor#serial}. Each task happens-before the next, so state touched only by the lane's tasks needs
 * no locking.
 */
public interface SerialExecutor extends Executor {
    /**
     * Queues {@code task} after the lane's earlier tasks.
     *
     * @throws RejectedExecutionException after {@link #shutdown()}, or when the shared pool rejects the lane
     */
    @Override
    void execute(Runnable task);

    /**
     * Queues {@code task} after the lane's earlier tasks; the lane's next turn on the pool is queued at the most
     * urgent priority among its waiting tasks (order within the lane never changes).
     *
     * @throws RejectedExecutionException after {@link #shutdown()}, or when the shared pool rejects the lane
     */
    default void execute(CpuPriority priority, Runnable task) {
        execute(task);
    }

    /** Accepts no further tasks; the tasks already queued still run. */
    void shutdown();

    /** True after {@link #shutdown()}. */
    boolean isShutdown();

    /**
     * After {@link #shutdown()}: waits until every queued task has finished.
     *
     * @return true when the lane is done, false when the wait timed out
     */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;
}
