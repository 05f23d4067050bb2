package dev.parley.runtime.realtime;

/**
 * Where a session's server events go: one JSON text per event, in order. The WebSocket transport implements it;
 * other transports (WebRTC data channel, gRPC) can too. Called only from the session's actor.
 */
public interface EventSink {
    void send(String json);

    /** Closes the connection with a WebSocket-style close code and reason (after already-sent events). */
    void close(int code, String reason);
}
