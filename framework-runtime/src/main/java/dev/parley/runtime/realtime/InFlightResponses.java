package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationObserver;

/**
 * Tells the transport how many of the session's responses are under way, counted from the core's typed
 * {@code ResponseStarted} / {@code ResponseDone} events (a graceful drain lets these finish). Runs on the actor.
 */
final class InFlightResponses implements ConversationObserver {
    private final EventSink sink;
    private int count;

    InFlightResponses(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public void on(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.ResponseStarted s -> sink.responsesInFlight(++count);
            case ConversationEvent.ResponseDone d -> sink.responsesInFlight(count = Math.max(0, count - 1));
            default -> { }
        }
    }
}
