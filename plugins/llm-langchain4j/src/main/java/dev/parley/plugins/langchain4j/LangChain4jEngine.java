package dev.parley.plugins.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.parley.api.context.TaskScheduler;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;

import java.time.Duration;

/**
 * A Parley {@link LlmEngine} over any LangChain4j {@link StreamingChatModel} (OpenAI-compatible, Ollama, the
 * in-JVM llama.cpp adapter). Thread-safe; one per pipeline stage; each {@link #stream} is one generation.
 *
 * <p>Streaming from a server is network-bound, so each generation waits for tokens on a virtual thread (cheap,
 * and it never computes); only the in-JVM llama.cpp model computes, and it does so on the runtime's CPU pool. The
 * engine's timers run on the runtime's {@link TaskScheduler}.
 */
public final class LangChain4jEngine implements LlmEngine {
    private final StreamingChatModel model;
    private final EngineContext context;
    private final AutoCloseable resources;

    /**
     * @param providerId  the YAML provider id
     * @param description what {@link #describe()} says (model and endpoint, never the key)
     * @param model       the LangChain4j model
     * @param timeout     idle timeout before/between tokens
     * @param maxRetries  retries of attempts that failed before any output
     * @param failures    failure classification for this endpoint
     * @param resources   closed with the engine (e.g. the llama.cpp model), or null
     * @param scheduler   the runtime's timers ({@code context.scheduler()} of the provider's context)
     */
    public LangChain4jEngine(String providerId, String description, StreamingChatModel model, Duration timeout,
                             int maxRetries, FailureMapper failures, AutoCloseable resources,
                             TaskScheduler scheduler) {
        this.model = model;
        this.resources = resources;
        this.context = new EngineContext(providerId, description, timeout, maxRetries, failures,
                new EngineTimers(scheduler));
    }

    @Override
    public LlmStream stream(LlmRequest request, LlmListener listener) {
        ChatRequest chatRequest;
        try {
            chatRequest = ChatMessageMapper.toChatRequest(request);
        } catch (LlmException e) {
            return reportLater(listener, e);
        } catch (RuntimeException e) {
            return reportLater(listener, new LlmException(LlmException.Kind.INVALID_REQUEST,
                    "The request could not be expressed for " + context.description() + ": " + e.getMessage(), e));
        }
        LangChain4jStream stream = new LangChain4jStream(model, chatRequest, listener, context);
        stream.start();
        return stream;
    }

    @Override
    public String describe() {
        return context.description();
    }

    @Override
    public void close() {
        context.scheduler().close();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(LangChain4jEngine.class)
                        .warn("closing {} failed: {}", context.description(), e.toString());
            }
        }
    }

    /** A request that cannot be sent fails like any other generation: through the listener, off this thread. */
    private static LlmStream reportLater(LlmListener listener, LlmException error) {
        ListenerGate gate = new ListenerGate(listener);
        Thread.ofVirtual().start(() -> gate.error(error));
        return gate::close;
    }
}
