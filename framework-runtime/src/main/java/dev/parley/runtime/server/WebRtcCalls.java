package dev.parley.runtime.server;

import dev.parley.runtime.webrtc.WebRtcMedia;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The server's live WebRTC calls by call id (the sideband WebSocket finds its call here) and their media. */
final class WebRtcCalls implements AutoCloseable {
    private final WebRtcMedia media;
    private final Map<String, CallConnection> live = new ConcurrentHashMap<>();

    WebRtcCalls(WebRtcMedia media) {
        this.media = media;
    }

    WebRtcMedia media() {
        return media;
    }

    WebRtcOptions options() {
        return media.options();
    }

    void add(String callId, CallConnection c) {
        live.put(callId, c);
    }

    void remove(String callId) {
        live.remove(callId);
    }

    CallConnection get(String callId) {
        return callId == null ? null : live.get(callId);
    }

    int size() {
        return live.size();
    }

    /**
     * Server stop: every call is told over {@code oai-events} that the server is going away (a response still
     * generating is cancelled first, so its {@code response.done} arrives) and hangs up; waits up to
     * {@code wait} for them to go, then closes whatever is left and the media. Run it while the session actors'
     * carrier still runs.
     */
    void close(java.time.Duration wait) {
        for (CallConnection c : live.values()) {
            c.goAway(true);
        }
        long end = System.nanoTime() + wait.toNanos();
        while (!live.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (CallConnection c : live.values()) {
            c.call().close("server stopping");
        }
        media.close();
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(2));
    }
}
