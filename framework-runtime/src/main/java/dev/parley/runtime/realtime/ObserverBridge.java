package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationObserver;
import dev.parley.runtime.conversation.ResponseOutcome;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a {@link SessionObserver} (experiment metrics per variant) of completed turns, barge-ins and failures. */
final class ObserverBridge implements ConversationObserver {
    private static final Logger log = LoggerFactory.getLogger(ObserverBridge.class);

    private final SessionObserver observer;
    private final Supplier<SessionIdentity> identity;

    ObserverBridge(SessionObserver observer, Supplier<SessionIdentity> identity) {
        this.observer = observer;
        this.identity = identity;
    }

    @Override
    public void on(ConversationEvent event) {
        if (!(event instanceof ConversationEvent.ResponseDone done)) {
            return;
        }
        String pipeline = identity.get().pipeline();
        String variant = identity.get().variant();
        ResponseOutcome outcome = done.outcome();
        try {
            switch (outcome.status()) {
                case COMPLETED -> observer.turn(pipeline, variant,
                        TimingReport.voiceTtfa(done.response().timing(), done.response().options().audio()));
                case CANCELLED -> {
                    if (outcome.reason() == ResponseOutcome.Reason.TURN_DETECTED) {
                        observer.bargeIn(pipeline, variant);
                    }
                }
                case FAILED -> observer.error(pipeline, variant, outcome.errorCode());
                default -> { }
            }
        } catch (RuntimeException e) {
            log.warn("Session observer failed: {}", e.toString());
        }
    }
}
