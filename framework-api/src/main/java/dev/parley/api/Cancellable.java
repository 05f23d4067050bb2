package dev.parley.api;

/**
 * Work that can be stopped early. Every stream a component opens is cancellable, because barge-in must stop
 * speech recognition, generation and synthesis within a few milliseconds.
 */
@FunctionalInterface
public interface Cancellable {
    /** Stops the work. Idempotent, non-blocking; after it returns the component delivers no further callbacks. */
    void cancel();
}
