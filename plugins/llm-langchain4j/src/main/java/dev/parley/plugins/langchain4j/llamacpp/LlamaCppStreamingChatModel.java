package dev.parley.plugins.langchain4j.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.context.CpuPriority;
import dev.parley.plugins.langchain4j.CancelScope;

import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A LangChain4j {@link StreamingChatModel} over a GGUF model loaded in-process with {@code de.kherud:llama}. The
 * prompt is built with the model's own chat template; each piece llama.cpp streams becomes a partial response.
 * Tools are not offered to the model (llama.cpp's tool-call parsing is not exposed by this binding).
 *
 * <p>Cancel (the {@link StreamingHandle} in each callback, or the current {@link CancelScope}) sets a flag that
 * the generating thread checks after every token, then it stops the llama.cpp task itself: the binding's cancel must
 * not be called while another thread waits for that task's next token, which would then wait forever. Generation
 * runs on the runtime's CPU pool (platform threads: JNI calls would pin virtual-thread carriers), one pool task per
 * token, so a long answer never holds a pool thread that speech decoding and synthesis need in between.
 */
public final class LlamaCppStreamingChatModel implements StreamingChatModel, AutoCloseable {
    private final LlamaModel model;
    private final LlamaCppConfig config;
    private final CpuExecutor cpu;
    private volatile boolean closed;
    private final Set<StreamingHandle> running = ConcurrentHashMap.newKeySet();
    /** Test hook: told how many pieces each generation pulled from llama.cpp and whether it was cancelled. */
    volatile GenerationObserver observer = (pieces, cancelled) -> { };

    /** See {@link #observer}. */
    interface GenerationObserver {
        void finished(int piecesPulled, boolean cancelled);
    }

    /** @param cpu the pool generation steps run on, normally the provider's {@code context.cpu()} */
    public LlamaCppStreamingChatModel(LlamaModel model, LlamaCppConfig config, CpuExecutor cpu) {
        this.model = model;
        this.config = config;
        this.cpu = cpu;
    }

    /** Generates on the {@link ComponentContext#standalone() standalone} context's pool. */
    public LlamaCppStreamingChatModel(LlamaModel model, LlamaCppConfig config) {
        this(model, config, ComponentContext.standalone().cpu());
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        AtomicBoolean cancelled = new AtomicBoolean();
        StreamingHandle handle = new StreamingHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        CancelScope scope = CancelScope.current();
        if (scope != null) {
            scope.onCancel(handle::cancel);
        }
        String prompt = prompt(request);
        InferenceParameters params = inferenceParameters(prompt, request.parameters());
        if (closed) {
            throw new IllegalStateException("the llama.cpp model is closed");
        }
        running.add(handle);
        Generation generation = new Generation(prompt, params, maxTokens(request.parameters()), handler, handle);
        try {
            cpu.submit(CpuPriority.NORMAL, generation::step);
        } catch (RejectedExecutionException e) {
            running.remove(handle);
            throw new IllegalStateException("the llama.cpp model cannot generate now: " + e.getMessage(), e);
        }
    }

    /** The conversation rendered with the model's own chat template. */
    private String prompt(ChatRequest request) {
        LlamaCppPrompt prompt = LlamaCppPrompt.of(request.messages());
        return model.applyTemplate(new InferenceParameters("").setMessages(prompt.system(), prompt.turns()));
    }

    private InferenceParameters inferenceParameters(String prompt, ChatRequestParameters p) {
        double temperature = p.temperature() != null ? p.temperature() : config.temperature();
        InferenceParameters params = new InferenceParameters(prompt)
                .setNPredict(maxTokens(p))
                .setTemperature((float) temperature)
                .setCachePrompt(true);
        if (config.seed() >= 0) {
            params.setSeed(config.seed());
        }
        return params;
    }

    private int maxTokens(ChatRequestParameters p) {
        return p.maxOutputTokens() != null ? p.maxOutputTokens() : config.maxTokens();
    }

    /** One generation, pulled a token per pool task. State is touched by one step at a time. */
    private final class Generation {
        private final String prompt;
        private final InferenceParameters params;
        private final int maxTokens;
        private final StreamingChatResponseHandler handler;
        private final StreamingHandle handle;
        private final StringBuilder text = new StringBuilder();
        private LlamaIterator tokens;
        private PartialResponseContext context;
        private int pieces;
        private int delivered;

        Generation(String prompt, InferenceParameters params, int maxTokens, StreamingChatResponseHandler handler,
                   StreamingHandle handle) {
            this.prompt = prompt;
            this.params = params;
            this.maxTokens = maxTokens;
            this.handler = handler;
            this.handle = handle;
        }

        void step() {
            boolean more = false;
            try {
                more = pullOne();
            } catch (RuntimeException e) {
                if (!handle.isCancelled()) {
                    handler.onError(e);
                }
            } finally {
                if (more) {
                    more = resubmit();
                }
                if (!more) {
                    running.remove(handle);
                    observer.finished(pieces, handle.isCancelled());
                }
            }
        }

        /** @return true when another step should follow */
        private boolean pullOne() {
            if (tokens == null) {
                if (handle.isCancelled()) {
                    return false;
                }
                tokens = (LlamaIterator) model.generate(params).iterator();
                context = new PartialResponseContext(handle);
            }
            if (!tokens.hasNext()) {
                complete();
                return false;
            }
            LlamaOutput out = tokens.next();
            pieces++;
            if (handle.isCancelled()) {
                if (tokens.hasNext()) {
                    tokens.cancel();
                }
                return false;
            }
            if (!out.text.isEmpty()) {
                text.append(out.text);
                delivered++;
                handler.onPartialResponse(new PartialResponse(out.text), context);
            }
            return true;
        }

        private boolean resubmit() {
            try {
                cpu.submit(CpuPriority.NORMAL, this::step);
                return true;
            } catch (RejectedExecutionException e) {
                if (tokens.hasNext()) {
                    tokens.cancel();
                }
                if (!handle.isCancelled()) {
                    handler.onError(new IllegalStateException("llama.cpp generation stopped: " + e.getMessage(), e));
                }
                return false;
            }
        }

        private void complete() {
            if (handle.isCancelled()) {
                return;
            }
            // The binding does not report the generated token count: re-tokenise the text, bounded below by
            // the pieces delivered (each is at least one token) and above by the limit llama.cpp enforced.
            int outputTokens = Math.min(maxTokens, Math.max(delivered, model.encode(text.toString()).length));
            handler.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.from(text.toString()))
                    .finishReason(outputTokens >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP)
                    .tokenUsage(new TokenUsage(model.encode(prompt).length, outputTokens))
                    .build());
        }
    }

    /**
     * Stops running generations (each ends at its next token) and waits for them before freeing the native model:
     * freeing it under a generating thread would crash the JVM.
     */
    @Override
    public void close() {
        closed = true;
        running.forEach(StreamingHandle::cancel);
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (!running.isEmpty()) { // each generation leaves the set after its last step
                if (System.nanoTime() > deadline) {
                    LoggerFactory.getLogger(LlamaCppStreamingChatModel.class)
                            .warn("llama.cpp generation still running after 10 s; leaving the model loaded");
                    return;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        model.close();
    }
}
