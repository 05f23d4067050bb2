package dev.parley.runtime.realtime;

/**
 * Where a session's server events go: one JSON text per event, in order. The WebSocket transport implements it;
 * other transports (WebRTC data channel, gRPC) can too. Called only from the session's actor.
 */
public interface EventSink {
    void send(String json);

    /**
     * The same as {@link #send(String)} for an event already serialised to UTF-8 (what the emitter produces):
     * a byte transport overrides it to skip the String round trip.
     */
    default void sendUtf8(byte[] json) {
        send(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * False while the client is not keeping up with what was sent (the transport's output budget is used up):
     * a producer may pause until {@link #onWritabilityChanged} reports it writable again. Events sent meanwhile
     * are still queued, up to the transport's hard cap.
     */
    default boolean writable() {
        return true;
    }

    /** {@code listener} runs (on a transport thread) each time {@link #writable()} changes. */
    default void onWritabilityChanged(Runnable listener) {
    }

    /** Closes the connection with a WebSocket-style close code and reason (after already-sent events). */
    void close(int code, String reason);
}
