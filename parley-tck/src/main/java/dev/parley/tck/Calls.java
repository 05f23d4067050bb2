package dev.parley.tck;

import static org.junit.jupiter.api.Assertions.fail;

/** Times calls that the SPI says must not block. */
final class Calls {
    private Calls() {
    }

    /**
     * Runs {@code call} and fails if it took longer than {@link TckBounds#NON_BLOCKING_CALL_MS}, not counting
     * time the whole JVM was stalled ({@link StallProbe}).
     */
    static <T> T quick(String what, java.util.function.Supplier<T> call) {
        StallProbe.start();
        long t0 = System.nanoTime();
        T result = call.get();
        long t1 = System.nanoTime();
        long stalledMs = StallProbe.stalledNanos(t0, t1) / 1_000_000;
        long ms = (t1 - t0) / 1_000_000;
        if (ms - stalledMs > TckBounds.NON_BLOCKING_CALL_MS) {
            fail(what + " blocked the caller for " + ms + " ms (of which the whole JVM was stalled " + stalledMs
                    + " ms; bound " + TckBounds.NON_BLOCKING_CALL_MS + " ms): it must queue the work and return");
        }
        return result;
    }

    static void quick(String what, Runnable call) {
        quick(what, () -> {
            call.run();
            return null;
        });
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
