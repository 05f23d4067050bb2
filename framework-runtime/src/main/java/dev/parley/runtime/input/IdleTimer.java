package dev.parley.runtime.input;

/**
 * server_vad {@code idle_timeout_ms}, measured on the session's audio clock: armed when a response finishes, from
 * the point where the client will have played its audio (the audio still unplayed at the finish is added), it is
 * due once that much audio has arrived after it without the user starting to speak. The audio clock (not the wall
 * clock) keeps it deterministic and matches what the client actually sent.
 */
final class IdleTimer {
    private sealed interface State {
    }

    private record Disarmed() implements State {
    }

    private record Armed(long atMs, long deadlineMs) implements State {
    }

    private static final State DISARMED = new Disarmed();

    private State state = DISARMED;

    void arm(long nowMs, long timeoutMs) {
        state = new Armed(nowMs, nowMs + timeoutMs);
    }

    void disarm() {
        state = DISARMED;
    }

    /** When it was armed; only meaningful while {@link #due}. */
    long armedAtMs() {
        return state instanceof Armed a ? a.atMs() : -1;
    }

    boolean due(long nowMs) {
        return state instanceof Armed a && nowMs >= a.deadlineMs();
    }
}
