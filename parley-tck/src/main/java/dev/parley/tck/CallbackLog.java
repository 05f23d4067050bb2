package dev.parley.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a component reported to a listener, in arrival order, and which reports broke a "nothing after this"
 * rule. {@link #close(String)} marks the moment after which any callback is a violation; a callback counts as
 * late only if it <em>began</em> after the mark was set, so the check has no false positives.
 */
final class CallbackLog {
    /** One callback: its name, a short detail, the thread it ran on and when it began (nanoTime). */
    record Entry(String name, String detail, String thread, long atNanos) {
        @Override
        public String toString() {
            return name + (detail.isEmpty() ? "" : "(" + detail + ")") + " on " + thread;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private volatile String closedBy;

    /** Records a callback; a violation if {@link #close} was called before it began. */
    synchronized void record(String name, String detail) {
        String closed = closedBy;
        Entry e = new Entry(name, detail == null ? "" : detail, Thread.currentThread().getName(), System.nanoTime());
        entries.add(e);
        if (closed != null) {
            violations.add(e + " after " + closed + " returned");
        }
        notifyAll();
    }

    /** From now on every callback is a violation. Call it right after the call that ends delivery returns. */
    void close(String by) {
        closedBy = by;
    }

    /** Delivery is allowed again (a reset stream takes the next utterance). */
    void reopen() {
        closedBy = null;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized long count(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).count();
    }

    /** Waits until some entry matches; returns it, or null after {@code timeoutMs}. */
    synchronized Entry await(Predicate<Entry> match, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            for (Entry e : entries) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    Entry await(String name, long timeoutMs) {
        return await(e -> e.name().equals(name), timeoutMs);
    }

    synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.name());
        }
        return out;
    }
}
