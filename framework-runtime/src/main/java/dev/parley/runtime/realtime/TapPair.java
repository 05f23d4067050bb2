package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;

/** Two {@link SessionTap}s as one (metrics and recording), each told everything in the same order. */
record TapPair(SessionTap first, SessionTap second) implements SessionTap {
    @Override
    public void on(ConversationEvent event) {
        first.on(event);
        second.on(event);
    }

    @Override
    public void errorSent(String code) {
        first.errorSent(code);
        second.errorSent(code);
    }

    @Override
    public void closed() {
        first.closed();
        second.closed();
    }

    @Override
    public void clientText(String json) {
        first.clientText(json);
        second.clientText(json);
    }

    @Override
    public void clientAudio(byte[] audio) {
        first.clientAudio(audio);
        second.clientAudio(audio);
    }

    @Override
    public void serverEvent(byte[] utf8) {
        first.serverEvent(utf8);
        second.serverEvent(utf8);
    }
}
