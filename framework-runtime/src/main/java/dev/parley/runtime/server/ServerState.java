package dev.parley.runtime.server;

/** The server's lifecycle, owned by {@link Admission}. Moves forward only. */
public enum ServerState {
    /** Bound, admitting sessions. */
    SERVING,
    /** No new sessions; live ones finish their responses, then are closed with 1001. */
    DRAINING,
    /** Every session has gone. */
    DRAINED
}
