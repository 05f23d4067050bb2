package dev.parley.runtime.conversation;

/**
 * Hears a conversation's events, in order, on the session's actor. Must be quick: it runs on the latency path.
 * A transport's writer is one observer; metrics, traces and recording are others.
 */
@FunctionalInterface
public interface ConversationObserver {
    void on(ConversationEvent event);
}
