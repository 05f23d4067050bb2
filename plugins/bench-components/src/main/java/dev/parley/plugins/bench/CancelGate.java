package dev.parley.plugins.bench;

/**
 * Keeps a stand-in's callbacks and its {@code cancel()} apart: a callback runs under the gate's lock only while
 * not cancelled, and {@code cancel()} takes the same lock, so nothing is reported once it returns (the SPI's
 * contract; the TCK caught a check-then-call race here that let one audio chunk through after cancel).
 */
final class CancelGate {
    private boolean cancelled;

    /** Runs {@code callback} unless cancelled; returns false when cancelled. */
    synchronized boolean pass(Runnable callback) {
        if (cancelled) {
            return false;
        }
        callback.run();
        return true;
    }

    synchronized void cancel() {
        cancelled = true;
    }
}
