package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.engine.HeldGeneration.Continuation;

/**
 * A held run's words on their way to the resumed response that takes them over: the follower once it came, and
 * how the generation ended if it ended first (told to the follower when it comes). On the actor.
 */
final class HandOver {
    private final Runnable over;
    private Continuation follower;
    private Runnable end;

    /** @param over marks the held run over, just before its end is passed on */
    HandOver(Runnable over) {
        this.over = over;
    }

    /** The resumed response takes over; {@code unheard} is the generated text it starts with. */
    void take(Continuation next, String unheard) {
        follower = next;
        if (!unheard.isEmpty()) {
            next.text(unheard);
        }
        passEnd();
    }

    void text(String delta) {
        if (follower != null) {
            follower.text(delta);
        }
    }

    void completed(FinishReason reason, TokenUsage usage) {
        end = () -> follower.complete(reason, usage);
        passEnd();
    }

    void failed(String code, String message) {
        end = () -> follower.failed(code, message);
        passEnd();
    }

    private void passEnd() {
        if (follower != null && end != null) {
            over.run();
            end.run();
        }
    }
}
