package dev.parley.api.llm;

import dev.parley.api.Cancellable;

/** A generation in progress. {@link #cancel()} must stop it within milliseconds (close the HTTP stream, etc.). */
public interface LlmStream extends Cancellable {
}
