package dev.parley.runtime.engine;

/** The logging MDC keys every log line of a session carries (the {@code mdc} object of JSON logs). */
public final class LogKeys {
    /** The session's id: set by its {@link SessionActor} around every task. */
    public static final String SESSION_ID = "session_id";
    /** A response's id: set around the log lines about one response. */
    public static final String RESPONSE_ID = "response_id";

    private LogKeys() {
    }
}
