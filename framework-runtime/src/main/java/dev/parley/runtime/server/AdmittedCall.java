package dev.parley.runtime.server;

/**
 * A WebRTC call's place under {@code --max-sessions}, taken before any media is set up (a refused offer never
 * loads libwebrtc) and filled with the call once it is answered. The drain sees it like a WebSocket session: it
 * waits while the call is answering or playing, then tells the client over {@code oai-events} and hangs up.
 */
final class AdmittedCall implements AdmittedSession {
    private volatile CallConnection call;

    void answered(CallConnection c) {
        call = c;
    }

    @Override
    public int responsesInFlight() {
        CallConnection c = call;
        return c == null ? 1 : c.responsesInFlight(); // still answering the offer: not yet safe to drop
    }

    @Override
    public boolean goAway(boolean force) {
        CallConnection c = call;
        return c == null ? false : c.goAway(force);
    }

    @Override
    public void closeByAdmin() {
        CallConnection c = call;
        if (c != null) {
            c.closeByAdmin();
        }
    }
}
