package dev.parley.runtime.server;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One kind of repetitive event (a refused login, a throttled address) logged without flooding: the first,
 * every {@code every}-th, and a summary of the rest each time {@link #summarize} runs (the server runs it once
 * a minute). 4,000 wrong keys make a handful of lines, not 4,000.
 */
final class SampledLog {
    private final Logger log;
    private final String what;
    private final long every;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong summarized = new AtomicLong();

    SampledLog(Logger log, String what, long every) {
        this.log = log;
        this.what = what;
        this.every = every;
    }

    void record(String detail) {
        long n = total.incrementAndGet();
        if (n == 1 || n % every == 0) {
            log.info("{} #{}: {}{}", what, n, detail, n == 1 ? " (further ones are sampled: every " + every
                    + "th, and a summary a minute)" : "");
        }
    }

    void summarize() {
        long n = total.get();
        long before = summarized.getAndSet(n);
        if (n > before) {
            log.info("{}: {} in the last period, {} since start", what, n - before, n);
        }
    }

    long total() {
        return total.get();
    }
}
