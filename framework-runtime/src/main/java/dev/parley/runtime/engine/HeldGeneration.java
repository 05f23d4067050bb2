package dev.parley.runtime.engine;

import dev.parley.api.Cancellable;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;

/**
 * The text generation of a response that was barged in on while a false interruption was possible: its speech
 * stopped, its model stream keeps writing, so a resume can say the rest to the end of the answer. Lives on the
 * session's actor. {@link #cancel()} drops it (the interruption was real).
 */
public interface HeldGeneration extends Cancellable {
    /** All the text generated so far, including what arrived after the hold. */
    String generatedText();

    /** True while the model is still writing. */
    boolean generating();

    /**
     * Hands the text from character {@code fromChar} of {@link #generatedText()} on to {@code next}: what is
     * there now at once, later text as it comes, then the end of generation. Called on the actor.
     */
    void handOver(int fromChar, Continuation next);

    /** Where a held generation's text goes once a resumed response takes it over. */
    interface Continuation {
        void text(String delta);

        void complete(FinishReason reason, TokenUsage usage);

        void failed(String code, String message);
    }
}
