package dev.parley.runtime.input;

/**
 * server_vad {@code idle_timeout_ms}, measured on the session's audio clock: armed when a response finishes,
 * it is due once that much audio has arrived without the user starting to speak. The audio clock (not the wall
 * clock) keeps it deterministic and matches what the client actually sent.
 */
final class IdleTimer {
    private long armedAtMs = -1;
    private long deadlineMs = -1;

    void arm(long nowMs, long timeoutMs) {
        armedAtMs = nowMs;
        deadlineMs = nowMs + timeoutMs;
    }

    void disarm() {
        armedAtMs = -1;
        deadlineMs = -1;
    }

    long armedAtMs() {
        return armedAtMs;
    }

    boolean due(long nowMs) {
        return deadlineMs >= 0 && nowMs >= deadlineMs;
    }
}
