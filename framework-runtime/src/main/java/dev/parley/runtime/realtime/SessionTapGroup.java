package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;

/** Several taps of one session (metrics, traces, recording) heard as one: each told everything, in order. */
final class SessionTapGroup implements SessionTap {
    private final SessionTap[] taps;

    SessionTapGroup(SessionTap[] taps) {
        this.taps = taps;
    }

    @Override
    public void on(ConversationEvent event) {
        for (SessionTap t : taps) {
            t.on(event);
        }
    }

    @Override
    public void errorSent(String code) {
        for (SessionTap t : taps) {
            t.errorSent(code);
        }
    }

    @Override
    public void tracing(TraceRequest requested) {
        for (SessionTap t : taps) {
            t.tracing(requested);
        }
    }

    @Override
    public void closed() {
        for (SessionTap t : taps) {
            t.closed();
        }
    }

    @Override
    public void clientText(String json) {
        for (SessionTap t : taps) {
            t.clientText(json);
        }
    }

    @Override
    public void clientAudio(byte[] audio) {
        for (SessionTap t : taps) {
            t.clientAudio(audio);
        }
    }

    @Override
    public void serverEvent(byte[] utf8) {
        for (SessionTap t : taps) {
            t.serverEvent(utf8);
        }
    }
}
