package dev.parley.runtime.conversation;

import java.util.concurrent.TimeUnit;

/**
 * When a response's audio ends as the client hears it: a client plays the deltas in real time from the first
 * one, so playback ends the audio's total duration after the first delta arrived — often long after
 * {@code response.done}, since synthesis runs faster than real time.
 */
final class Playback {
    private long firstDeltaNanos = -1;
    private long audioMs;

    void delta(long durationMs, long nowNanos) {
        if (firstDeltaNanos < 0) {
            firstDeltaNanos = nowNanos;
        }
        audioMs += durationMs;
    }

    /** Milliseconds of audio the client has still to play at {@code nowNanos}; 0 when there was none. */
    long leftMs(long nowNanos) {
        if (firstDeltaNanos < 0) {
            return 0;
        }
        long playedMs = TimeUnit.NANOSECONDS.toMillis(nowNanos - firstDeltaNanos);
        return Math.max(0, audioMs - playedMs);
    }
}
