package dev.parley.api.llm;

/** A configured model client shared by a pipeline's sessions (thread-safe). */
public interface LlmEngine extends AutoCloseable {
    /**
     * Starts generating. Must return at once (run the request elsewhere) and report through {@code listener}
     * on any thread: text deltas, tool calls, then exactly one of {@link LlmListener#onComplete} or
     * {@link LlmListener#onError} — unless cancelled, after which nothing more is reported.
     */
    LlmStream stream(LlmRequest request, LlmListener listener);

    /** A human-readable description for start-up logs, e.g. {@code openai gpt-4o-mini at http://…}. */
    default String describe() {
        return getClass().getSimpleName();
    }

    @Override
    default void close() {
    }
}
