package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationObserver;

/**
 * One session's observer for telemetry (metrics): hears the core's events like any {@link ConversationObserver},
 * plus the two things only the facade knows: every {@code error} event it sends (protocol mistakes never reach the
 * core) and the session's end. Runs on the session's actor; must be quick.
 */
public interface SessionTap extends ConversationObserver {
    SessionTap NONE = new SessionTap() {
        @Override
        public void on(ConversationEvent event) {
        }
    };

    /** An {@code error} event with {@code code} was sent to the client. */
    default void errorSent(String code) {
    }

    /** The session is over; called at least once (implementations are idempotent). */
    default void closed() {
    }
}
