package dev.parley.plugins.langchain4j;

import java.time.Duration;

/**
 * What every generation of one engine shares.
 *
 * @param providerId  {@code openai}, {@code ollama} or {@code llamacpp}, for thread names
 * @param description the engine's {@code describe()} text, for messages
 * @param timeout     longest silence before the first token or between tokens
 * @param maxRetries  extra attempts after a failure that happened before anything was said
 * @param failures    turns failures into client-fit {@code LlmException}s
 * @param scheduler   runs idle checks and retry back-offs (this engine's timers on the runtime's scheduler)
 */
record EngineContext(String providerId, String description, Duration timeout, int maxRetries,
                     FailureMapper failures, EngineTimers scheduler) {
}
