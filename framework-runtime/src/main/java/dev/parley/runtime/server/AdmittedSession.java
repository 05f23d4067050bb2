package dev.parley.runtime.server;

/**
 * A live session as admission, the drain and the admin service see it, whatever its transport: it holds a place
 * under {@code --max-sessions} from its admission until its ticket is released.
 */
public interface AdmittedSession {
    /** Responses started and not yet done (the drain waits for zero). */
    int responsesInFlight();

    /**
     * Drain: when no response is in flight (or {@code force}), tells the client the server is going away and
     * ends the session. Returns whether it did (or the session was already ending); false also while a transport
     * that decides on its session's own thread has not yet (the drain asks again on its next tick).
     */
    boolean goAway(boolean force);

    /** What the admin service lists; null until the session has been routed to a pipeline. */
    default SessionSummary summary() {
        return null;
    }

    /** Ends the session now on an operator's request (admin {@code CloseSession}). */
    void closeByAdmin();
}
