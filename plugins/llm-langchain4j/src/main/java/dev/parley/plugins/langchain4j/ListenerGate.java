package dev.parley.plugins.langchain4j;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a generation's callbacks to Parley's listener under one lock, so that after {@link #close()} (cancel)
 * or the first terminal callback nothing more gets through — LangChain4j may still report from its own threads.
 * A listener that throws closes the gate rather than killing LangChain4j's I/O thread.
 */
final class ListenerGate {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerGate.class);

    private final LlmListener listener;
    private boolean closed;
    private boolean emitted;

    ListenerGate(LlmListener listener) {
        this.listener = listener;
    }

    synchronized boolean text(String delta) {
        return deliver(true, () -> listener.onTextDelta(delta));
    }

    synchronized boolean toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        return deliver(true, () -> listener.onToolCallDelta(index, callId, name, argumentsDelta));
    }

    synchronized boolean toolCall(int index, ToolCall call) {
        return deliver(true, () -> listener.onToolCall(index, call));
    }

    synchronized boolean complete(FinishReason reason, TokenUsage usage) {
        boolean delivered = deliver(false, () -> listener.onComplete(reason, usage));
        closed = true;
        return delivered;
    }

    synchronized boolean error(LlmException error) {
        boolean delivered = deliver(false, () -> listener.onError(error));
        closed = true;
        return delivered;
    }

    /** No callback starts after this returns. */
    synchronized void close() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** True once any text or tool call went out (then a retry would duplicate output). */
    synchronized boolean hasEmitted() {
        return emitted;
    }

    private boolean deliver(boolean output, Runnable callback) {
        if (closed) {
            return false;
        }
        emitted |= output;
        try {
            callback.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("LLM listener failed; dropping the rest of this generation: {}", e.toString());
            closed = true;
            return false;
        }
    }
}
