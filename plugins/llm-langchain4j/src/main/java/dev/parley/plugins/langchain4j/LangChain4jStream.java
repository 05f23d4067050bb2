package dev.parley.plugins.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One generation through a LangChain4j {@link StreamingChatModel}: forwards text and tool-call deltas to Parley's
 * listener in order, enforces the idle timeout, retries a failed attempt when nothing has been said yet (up to
 * {@code max_retries}), and on {@link #cancel()} closes the HTTP stream (or stops llama.cpp) and goes silent.
 */
final class LangChain4jStream implements LlmStream {
    private static final Logger LOG = LoggerFactory.getLogger(LangChain4jStream.class);

    private final StreamingChatModel model;
    private final ChatRequest request;
    private final EngineContext context;
    private final ListenerGate gate;
    private final IdleWatchdog watchdog;
    private volatile Attempt current;
    /** The last attempt whose failure was handled (guarded by this). */
    private int failedAttempt;

    LangChain4jStream(StreamingChatModel model, ChatRequest request, LlmListener listener, EngineContext context) {
        this.model = model;
        this.request = request;
        this.context = context;
        this.gate = new ListenerGate(listener);
        this.watchdog = new IdleWatchdog(context.scheduler(), context.timeout(), this::timedOut);
    }

    /** Starts the first attempt on a virtual thread, so the caller never waits on connection set-up. */
    void start() {
        Thread.ofVirtual().name("llm-" + context.providerId()).start(() -> attempt(1));
    }

    @Override
    public void cancel() {
        gate.close();
        watchdog.stop();
        Attempt a = current;
        if (a != null) {
            a.scope.cancel();
        }
    }

    private void attempt(int number) {
        Attempt a = new Attempt(number);
        current = a;
        // Checked after publishing the attempt: a cancel() racing with this either sees the attempt (and cancels
        // its scope) or has closed the gate before this check.
        if (gate.isClosed()) {
            return;
        }
        watchdog.start(); // each attempt gets the full timeout_ms
        try {
            a.scope.enter(() -> {
                model.chat(request, a);
                return null;
            });
        } catch (RuntimeException e) {
            a.onError(e);
        }
    }

    private void timedOut() {
        Attempt a = current;
        fail(a == null ? 1 : a.number, new LlmException(LlmException.Kind.TIMEOUT, "The model server at "
                + context.failures().endpoint() + " sent nothing for " + context.timeout().toMillis()
                + " ms (timeout_ms)."));
    }

    private synchronized void fail(int attempt, Throwable failure) {
        Attempt a = current;
        if (a != null && a.number != attempt || attempt <= failedAttempt) {
            return; // a superseded attempt failing late, or a second report (HTTP timeout + idle timeout) of one
        }
        failedAttempt = attempt;
        LlmException error = context.failures().map(failure);
        if (a != null) {
            a.scope.cancel();
        }
        if (retriable(error) && attempt <= context.maxRetries() && !gate.hasEmitted() && !gate.isClosed()) {
            long backoffMs = 250L * attempt;
            LOG.info("LLM attempt {} failed ({}: {}); retrying in {} ms", attempt, error.kind(), error.getMessage(),
                    backoffMs);
            context.scheduler().schedule(() -> Thread.ofVirtual().start(() -> attempt(attempt + 1)),
                    backoffMs, TimeUnit.MILLISECONDS);
            return;
        }
        watchdog.stop();
        if (gate.error(error)) {
            LOG.warn("LLM generation failed ({}): {}", error.kind(), error.getMessage());
        }
    }

    private static boolean retriable(LlmException e) {
        return switch (e.kind()) {
            case CONNECTION, RATE_LIMITED, TIMEOUT, OTHER -> true;
            default -> false;
        };
    }

    /** LangChain4j's callbacks for one attempt; callbacks of a superseded attempt are ignored. */
    private final class Attempt implements StreamingChatResponseHandler {
        final int number;
        final CancelScope scope = new CancelScope();
        private boolean handleRegistered;
        private int toolCalls;

        Attempt(int number) {
            this.number = number;
        }

        private boolean live() {
            return current == this && !scope.isCancelled();
        }

        private void remember(StreamingHandle handle) {
            if (!handleRegistered && handle != null) {
                handleRegistered = true;
                scope.onCancel(handle::cancel);
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext ctx) {
            remember(ctx.streamingHandle());
            if (live()) {
                watchdog.touch();
                gate.text(partial.text());
            }
        }

        @Override
        public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext ctx) {
            remember(ctx.streamingHandle());
            if (live()) {
                watchdog.touch();
                gate.toolCallDelta(partial.index(), partial.id(), partial.name(),
                        partial.partialArguments() == null ? "" : partial.partialArguments());
            }
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall complete) {
            if (live()) {
                watchdog.touch();
                ToolExecutionRequest r = complete.toolExecutionRequest();
                toolCalls++;
                gate.toolCall(complete.index(), new ToolCall(r.id(), r.name(),
                        r.arguments() == null || r.arguments().isBlank() ? "{}" : r.arguments()));
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (!live()) {
                return;
            }
            var reason = response.finishReason();
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (reason == null && toolCalls == 0 && (text == null || text.isEmpty())) {
                fail(number, new LlmException(LlmException.Kind.MALFORMED_RESPONSE, "The model server at "
                        + context.failures().endpoint()
                        + " ended the stream without any answer or finish reason."));
                return;
            }
            watchdog.stop();
            gate.complete(finishReason(reason), usage(response.tokenUsage()));
        }

        @Override
        public void onError(Throwable error) {
            if (live()) {
                fail(number, error);
            }
        }

        private FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason) {
            if (toolCalls > 0) {
                return FinishReason.TOOL_CALLS;
            }
            if (reason == null) {
                return FinishReason.STOP;
            }
            return switch (reason) {
                case LENGTH -> FinishReason.LENGTH;
                case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
                case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
                default -> FinishReason.STOP;
            };
        }
    }

    private static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.UNKNOWN;
        }
        return new TokenUsage(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }
}
