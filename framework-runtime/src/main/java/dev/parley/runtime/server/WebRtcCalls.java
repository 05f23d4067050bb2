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

    @Override
    public void close() {
        for (CallConnection c : live.values()) {
            c.call().close("server stopping");
        }
        media.close();
    }
}
