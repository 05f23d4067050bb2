package dev.parley.runtime.realtime;

import java.nio.charset.StandardCharsets;

/** An {@link EventSink} that shows every event it sends to a {@link SessionTap} first (session recording). */
final class TappedSink implements EventSink {
    private final EventSink sink;
    private final SessionTap tap;

    TappedSink(EventSink sink, SessionTap tap) {
        this.sink = sink;
        this.tap = tap;
    }

    /** {@code sink} itself when nothing listens to the wire. */
    static EventSink of(EventSink sink, SessionTap tap) {
        return tap == SessionTap.NONE ? sink : new TappedSink(sink, tap);
    }

    @Override
    public void send(String json) {
        tap.serverEvent(json.getBytes(StandardCharsets.UTF_8));
        sink.send(json);
    }

    @Override
    public void sendUtf8(byte[] json) {
        tap.serverEvent(json);
        sink.sendUtf8(json);
    }

    @Override
    public boolean writable() {
        return sink.writable();
    }

    @Override
    public void onWritabilityChanged(Runnable listener) {
        sink.onWritabilityChanged(listener);
    }

    @Override
    public void responsesInFlight(int count) {
        sink.responsesInFlight(count);
    }

    @Override
    public void close(int code, String reason) {
        sink.close(code, reason);
    }
}
