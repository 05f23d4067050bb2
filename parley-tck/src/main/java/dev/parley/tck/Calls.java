package dev.parley.tck;

import static org.junit.jupiter.api.Assertions.fail;

/** Times calls that the SPI says must not block. */
final class Calls {
    private Calls() {
    }

    /** Runs {@code call} and fails if it took longer than {@link TckBounds#NON_BLOCKING_CALL_MS}. */
    static <T> T quick(String what, java.util.function.Supplier<T> call) {
        long t0 = System.nanoTime();
        T result = call.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > TckBounds.NON_BLOCKING_CALL_MS) {
            fail(what + " blocked the caller for " + ms + " ms (bound " + TckBounds.NON_BLOCKING_CALL_MS
                    + " ms): it must queue the work and return");
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
