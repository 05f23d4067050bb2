package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationObserver;

/**
 * One session's observer for telemetry (metrics, traces) and recording: hears the core's events like any
 * {@link ConversationObserver}, plus what only the facade knows: every {@code error} event it sends (protocol
 * mistakes never reach the core), the session's {@code tracing} field, the session's end, and the wire both ways
 * (for recording). Runs on the session's actor; must be quick.
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

    /**
     * The session's {@code tracing} field, at the start and after every accepted update that carries it (traces
     * honour it).
     */
    default void tracing(TraceRequest requested) {
    }

    /** The session is over; called at least once (implementations are idempotent). */
    default void closed() {
    }

    // --- the wire, for session recording: each call hands over data the caller no longer changes ---

    /** A client event's text as received (every client event but a fast-path audio append). */
    default void clientText(String json) {
    }

    /** Audio the client appended, as received (decoded from base64, in the session's input format). */
    default void clientAudio(byte[] audio) {
    }

    /** A server event as sent, UTF-8 JSON. */
    default void serverEvent(byte[] utf8) {
    }

    /** Both taps, {@code first} then {@code second}; {@link #NONE} is dropped. */
    static SessionTap both(SessionTap first, SessionTap second) {
        if (first == null || first == NONE) {
            return second == null ? NONE : second;
        }
        if (second == null || second == NONE) {
            return first;
        }
        return new SessionTapGroup(new SessionTap[] {first, second});
    }
}
