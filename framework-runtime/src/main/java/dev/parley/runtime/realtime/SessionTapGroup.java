package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;

/** Several taps of one session heard as one, in order. */
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
}
