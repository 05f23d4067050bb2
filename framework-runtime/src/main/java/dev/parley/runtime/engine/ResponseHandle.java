package dev.parley.runtime.engine;

import dev.parley.api.Cancellable;

/** A response being produced. {@link #cancel()} stops the LLM and TTS streams at once. */
public interface ResponseHandle extends Cancellable {
}
