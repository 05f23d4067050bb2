package dev.parley.runtime.realtime;

/**
 * Hears what happened in sessions, for experiment metrics (per pipeline variant). Called on the session's actor:
 * implementations must be quick and thread-safe across sessions. Method shapes match the router's
 * {@code ExperimentRecorder} so one class can serve both.
 */
public interface SessionObserver {
    SessionObserver NONE = new SessionObserver() {
    };

    /**
     * A response completed.
     *
     * @param ttfaMs from the end of the user's turn to the first audio delta sent; {@link Double#NaN} when unknown
     *               (text-only or manually triggered response)
     */
    default void turn(String pipeline, String variant, double ttfaMs) {
    }

    /** The user talked over a response and it was cancelled. */
    default void bargeIn(String pipeline, String variant) {
    }

    /** A response failed with {@code code} (component error or timeout). */
    default void error(String pipeline, String variant, String code) {
    }
}
