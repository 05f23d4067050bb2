package dev.parley.runtime.engine;

import dev.parley.api.Cancellable;

/** A response being produced. {@link #cancel()} stops the LLM and TTS streams at once. */
public interface ResponseHandle extends Cancellable {
    /**
     * All the text the response had produced so far (LLM output, including clauses whose audio was not yet sent),
     * or null when the generator does not track it. Read on the session's actor, typically right after a cancel.
     */
    default String generatedText() {
        return null;
    }

    /**
     * Barge-in while a false interruption is possible: stop speaking at once but keep generating text, and return
     * the generation so a resume can continue it; the response delivers nothing more to its listener. A generator
     * that cannot hold cancels and returns null (the resume then says only what had been generated).
     */
    default HeldGeneration hold() {
        cancel();
        return null;
    }
}
