package dev.parley.api.stt;

import dev.parley.api.context.ComponentContext;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.context.SerialExecutor;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The threading every {@link SttStream} needs, for STT plugin authors: a serial lane per stream on the runtime's
 * {@link CpuExecutor} (platform threads shared by every stream) that runs the recogniser's calls in order. It
 * exists because the contract has two hard rules that are easy to get wrong:
 * <ul>
 *   <li>the caller must never block on decoding — {@link SttStream#accept}, {@link SttStream#endUtterance()} and
 *       {@link SttStream#reset()} are called from the session's thread, so the stream only queues work here;</li>
 *   <li>callbacks must stop after cancel — no {@link SttListener} call may arrive once {@link SttStream#cancel()}
 *       has returned, and none for an utterance that {@link SttStream#reset()} dropped.</li>
 * </ul>
 * Each queued {@link Step} belongs to an utterance <em>generation</em>. {@link #dropUtterance} and {@link #cancel}
 * move to a new generation, so steps of the dropped utterance still queued are skipped and anything they would
 * deliver through {@link #deliver} is suppressed. A step that throws runs its {@code recover} action on the worker
 * and becomes {@link SttListener#onError}; the stream stays usable for the next utterance.
 *
 * <p>Typical use in a stream: {@code accept} calls {@code worker.submit(gen -> { decode...; worker.deliver(gen,
 * l -> l.onPartial(text)); }, this::clear)}, {@code reset} calls {@code worker.dropUtterance(this::clear)} and
 * {@code cancel} calls {@code worker.cancel(this::freeNativeState)}. Steps run one at a time, each
 * happening-before the next, so state they touch needs no locking even though successive steps may run on
 * different pool threads. A stream owns no thread, so one nobody cancels does not keep the JVM alive.
 */
public final class SttWorker {
    /** Work of the current utterance; {@code generation} identifies it for {@link #deliver}. */
    @FunctionalInterface
    public interface Step {
        void run(long generation) throws Exception;
    }

    private final SttListener listener;
    private final String name;
    private final SerialExecutor executor;
    private final AtomicLong generation = new AtomicLong();
    private final Object deliveryLock = new Object();
    private volatile boolean cancelled;

    /**
     * @param name     which engine and session this worker serves: pool threads carry it while they run its steps
     * @param listener receives every callback this worker delivers
     * @param cpu      the pool to decode on, normally {@code context.cpu()} of the provider's
     *                 {@link ComponentContext}
     */
    public SttWorker(String name, SttListener listener, CpuExecutor cpu) {
        this.name = name;
        this.listener = listener;
        // Steps of streaming audio are NORMAL; a final and the release at cancel are URGENT and lift the lane
        // (the chunks before a final must be decoded first anyway); partial hypotheses may be BACKGROUND.
        this.executor = cpu.serial(CpuPriority.NORMAL);
    }

    /** A worker on the {@link ComponentContext#standalone() standalone} context's pool, for code without a runtime. */
    public SttWorker(String name, SttListener listener) {
        this(name, listener, ComponentContext.standalone().cpu());
    }

    /**
     * Queues a step of streaming work (decoding audio) at {@link CpuPriority#NORMAL}; if it throws,
     * {@code recover} runs on the worker and the listener gets {@code onError}.
     */
    public void submit(Step step, Runnable recover) {
        submit(CpuPriority.NORMAL, step, recover);
    }

    /**
     * Queues the step that produces an utterance's final: {@link CpuPriority#URGENT}, since the user waits for it
     * and the answer cannot start before it.
     */
    public void submitFinal(Step step, Runnable recover) {
        submit(CpuPriority.URGENT, step, recover);
    }

    /**
     * Queues a step at {@code priority} (after the worker's earlier steps, whatever their priority): use
     * {@link CpuPriority#BACKGROUND} for work nobody waits on, such as a partial hypothesis.
     */
    public void submit(CpuPriority priority, Step step, Runnable recover) {
        long gen = generation.get();
        execute(priority, () -> {
            if (gen != generation.get()) {
                return;
            }
            try {
                step.run(gen);
            } catch (Exception | LinkageError e) {
                // LinkageError too: a missing native library surfaces as UnsatisfiedLinkError on first use
                recover.run();
                deliver(gen, l -> l.onError(e));
            }
        });
    }

    /** Abandons the current utterance; {@code cleanup} runs on the worker after the steps already queued. */
    public void dropUtterance(Runnable cleanup) {
        generation.incrementAndGet();
        execute(CpuPriority.URGENT, cleanup);
    }

    /** Calls the listener unless the utterance of {@code gen} was dropped or the stream cancelled meanwhile. */
    public void deliver(long gen, Consumer<SttListener> callback) {
        // Held while calling so that cancel() cannot return between the check and the callback.
        synchronized (deliveryLock) {
            if (!cancelled && gen == generation.get()) {
                callback.accept(listener);
            }
        }
    }

    /** Reports a caller-side error (bad input, such as a wrong sample rate) straight away, on the caller's thread. */
    public void reportNow(Throwable error) {
        deliver(generation.get(), l -> l.onError(error));
    }

    /**
     * Stops for good: {@code release} (freeing native state) runs on the worker after the step in progress, then
     * the thread ends. No callback is delivered once this returns. Calling it again does nothing.
     *
     * @return true for the call that cancelled, false when the worker was already cancelled (so a stream can run
     *         its own once-only clean-up, such as telling its engine, exactly once)
     */
    public boolean cancel(Runnable release) {
        synchronized (deliveryLock) {
            if (cancelled) {
                return false;
            }
            cancelled = true;
        }
        generation.incrementAndGet();
        try {
            executor.execute(CpuPriority.URGENT, () -> runNamed(release));
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing queued can run any more; the engine frees shared native state itself
        }
        executor.shutdown();
        return true;
    }

    /**
     * After {@link #cancel}: waits up to {@code millis} until the worker has finished its last step, since a
     * native decode in progress cannot be aborted. An engine calls it before freeing a model its streams share.
     *
     * @return true if the worker has stopped, false if the wait timed out
     */
    public boolean awaitStopped(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** True once {@link #cancel} has been called. */
    public boolean cancelled() {
        return cancelled;
    }

    private void execute(CpuPriority priority, Runnable task) {
        if (cancelled) {
            return;
        }
        try {
            executor.execute(priority, () -> runNamed(task));
        } catch (RejectedExecutionException e) {
            reportNow(new IllegalStateException(name + ": stream is closed", e));
        }
    }

    /** Pool threads carry the worker's name while they run its steps, so thread dumps say whose decode it is. */
    private void runNamed(Runnable task) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName(name);
        try {
            task.run();
        } finally {
            thread.setName(poolName);
        }
    }
}
