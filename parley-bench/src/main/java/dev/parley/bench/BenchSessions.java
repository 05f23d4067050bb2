package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.function.Predicate;

/** Opening benchmark sessions: connect, wait for {@code session.created}, set server VAD, wait for the update. */
final class BenchSessions {
    static final long TIMEOUT_MS = 20_000;

    private BenchSessions() {
    }

    /** The {@code session.update} that turns server VAD on with {@code silenceMs} of silence ending a turn. */
    static String serverVad(int silenceMs) {
        return "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":" + silenceMs + "}}}}}";
    }

    /** A user text message followed by {@code response.create}. */
    static String[] textTurn(String text) {
        return new String[] {
            "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}",
            "{\"type\":\"response.create\"}"};
    }

    static RealtimeClient open(HttpClient http, String url, int silenceMs, Predicate<String> keep)
            throws InterruptedException {
        return configure(RealtimeClient.connect(http, url, keep), silenceMs);
    }

    /** Waits for {@code session.created} and turns server VAD on, as {@link #open} does. */
    static RealtimeClient configure(RealtimeClient c, int silenceMs) throws InterruptedException {
        c.await("session.created", TIMEOUT_MS);
        c.send(serverVad(silenceMs));
        c.await("session.updated", TIMEOUT_MS);
        return c;
    }
}
