package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.List;

/** Hands each event to every observer, in subscription order, on the actor. */
final class EventBus {
    private final List<ConversationObserver> observers = new ArrayList<>(2);

    void subscribe(ConversationObserver observer) {
        observers.add(observer);
    }

    void emit(ConversationEvent event) {
        for (int i = 0; i < observers.size(); i++) {
            observers.get(i).on(event);
        }
    }
}
