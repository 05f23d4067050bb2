package dev.parley.plugins.langchain4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cancel switch of one generation. Whatever work the generation starts registers how to stop it (cancel the
 * HTTP exchange, close the response stream, stop llama.cpp); {@link #cancel()} runs all of them, and anything
 * registered afterwards runs at once.
 *
 * <p>LangChain4j hands out its own cancel handle only inside token callbacks, too late for barge-in during the wait
 * for the first token. So the scope is made {@linkplain #current() current} on the thread that calls
 * {@code StreamingChatModel.chat(...)}: LangChain4j opens the HTTP request synchronously on that thread, where
 * {@link CancellableHttpClient} (and the llama.cpp adapter) pick it up.
 */
public final class CancelScope {
    private static final Logger LOG = LoggerFactory.getLogger(CancelScope.class);
    private static final ThreadLocal<CancelScope> CURRENT = new ThreadLocal<>();

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** The scope of the generation being started on this thread, or null outside one. */
    public static CancelScope current() {
        return CURRENT.get();
    }

    /** Runs {@code start} with this scope current on the calling thread. */
    public <T> T enter(Supplier<T> start) {
        CancelScope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return start.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Registers how to stop a piece of work; runs it now if the scope is already cancelled. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    /** Stops everything registered. Idempotent, does not block on the work it stops. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(CancelScope::runQuietly);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("cancel action failed: {}", e.toString());
        }
    }
}
