package dev.parley.plugins.pocketsphinx;

import dev.parley.api.stt.SttListener;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The threading of one recognition stream: a single platform worker thread runs every native call in order,
 * so the caller never blocks on decoding. Each step belongs to an utterance generation; {@link #dropUtterance}
 * and {@link #cancel} move to a new generation so queued steps of the dropped utterance are skipped and their
 * callbacks suppressed. No callback is delivered after {@link #cancel()} returns.
 */
final class StreamWorker {
    /** Work of the current utterance; {@code generation} identifies it for {@link #deliver}. */
    interface Step {
        void run(long generation) throws Exception;
    }

    private final SttListener listener;
    private final ExecutorService executor;
    private final AtomicLong generation = new AtomicLong();
    private final Object deliveryLock = new Object();
    private volatile boolean cancelled;

    StreamWorker(String threadName, SttListener listener) {
        this.listener = listener;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a step; if it throws, {@code recover} runs on the worker and the listener gets {@code onError}. */
    void submit(Step step, Runnable recover) {
        long gen = generation.get();
        execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            try {
                step.run(gen);
            } catch (Exception | LinkageError e) {
                recover.run();
                deliver(gen, l -> l.onError(e));
            }
        });
    }

    /** Abandons the current utterance; {@code cleanup} runs on the worker after the steps already queued. */
    void dropUtterance(Runnable cleanup) {
        generation.incrementAndGet();
        execute(cleanup);
    }

    /** Calls the listener unless the utterance was dropped or the stream cancelled meanwhile. */
    void deliver(long gen, Consumer<SttListener> callback) {
        synchronized (deliveryLock) {
            if (!cancelled && gen == generation.get()) {
                callback.accept(listener);
            }
        }
    }

    /** Reports a caller-side error (bad input) straight away. */
    void reportNow(Throwable error) {
        deliver(generation.get(), l -> l.onError(error));
    }

    /** Stops for good: {@code release} (freeing native state) runs on the worker, then the thread ends. */
    void cancel(Runnable release) {
        synchronized (deliveryLock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        generation.incrementAndGet();
        try {
            executor.execute(release);
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing queued can run any more; the engine frees shared native state itself
        }
        executor.shutdown();
    }

    boolean cancelled() {
        return cancelled;
    }

    private void execute(Runnable task) {
        if (cancelled) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            reportNow(new IllegalStateException("stream is closed", e));
        }
    }
}
