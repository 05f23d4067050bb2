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
import dev.parley.plugins.langchain4j.CancelScope;

import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A LangChain4j {@link StreamingChatModel} over a GGUF model loaded in-process with {@code de.kherud:llama}. The
 * prompt is built with the model's own chat template; each piece llama.cpp streams becomes a partial response.
 * Tools are not offered to the model (llama.cpp's tool-call parsing is not exposed by this binding).
 *
 * <p>Cancel (the {@link StreamingHandle} in each callback, or the current {@link CancelScope}) sets a flag that
 * the generating thread checks after every token, then it stops the llama.cpp task itself: the binding's cancel must
 * not be called while another thread waits for that task's next token, which would then wait forever. Generation
 * runs on daemon platform threads because JNI calls would pin virtual-thread carriers.
 */
public final class LlamaCppStreamingChatModel implements StreamingChatModel, AutoCloseable {
    private final LlamaModel model;
    private final LlamaCppConfig config;
    private final ExecutorService generators = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llamacpp-generate");
        t.setDaemon(true);
        return t;
    });
    private final Set<StreamingHandle> running = ConcurrentHashMap.newKeySet();
    /** Test hook: told how many pieces each generation pulled from llama.cpp and whether it was cancelled. */
    volatile GenerationObserver observer = (pieces, cancelled) -> { };

    /** See {@link #observer}. */
    interface GenerationObserver {
        void finished(int piecesPulled, boolean cancelled);
    }

    public LlamaCppStreamingChatModel(LlamaModel model, LlamaCppConfig config) {
        this.model = model;
        this.config = config;
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
        running.add(handle);
        try {
            generators.execute(() -> generate(prompt, params, maxTokens(request.parameters()), handler, handle));
        } catch (RejectedExecutionException closed) {
            running.remove(handle);
            throw new IllegalStateException("the llama.cpp model is closed", closed);
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

    private void generate(String prompt, InferenceParameters params, int maxTokens,
                          StreamingChatResponseHandler handler, StreamingHandle handle) {
        int pieces = 0;
        int delivered = 0;
        StringBuilder text = new StringBuilder();
        try {
            if (handle.isCancelled()) {
                return;
            }
            LlamaIterator tokens = (LlamaIterator) model.generate(params).iterator();
            PartialResponseContext context = new PartialResponseContext(handle);
            while (tokens.hasNext()) {
                LlamaOutput out = tokens.next();
                pieces++;
                if (handle.isCancelled()) {
                    if (tokens.hasNext()) {
                        tokens.cancel();
                    }
                    return;
                }
                if (!out.text.isEmpty()) {
                    text.append(out.text);
                    delivered++;
                    handler.onPartialResponse(new PartialResponse(out.text), context);
                }
            }
            if (!handle.isCancelled()) {
                // The binding does not report the generated token count: re-tokenise the text, bounded below by
                // the pieces delivered (each is at least one token) and above by the limit llama.cpp enforced.
                int outputTokens = Math.min(maxTokens, Math.max(delivered, model.encode(text.toString()).length));
                handler.onCompleteResponse(ChatResponse.builder()
                        .aiMessage(AiMessage.from(text.toString()))
                        .finishReason(outputTokens >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP)
                        .tokenUsage(new TokenUsage(model.encode(prompt).length, outputTokens))
                        .build());
            }
        } catch (RuntimeException e) {
            if (!handle.isCancelled()) {
                handler.onError(e);
            }
        } finally {
            running.remove(handle);
            observer.finished(pieces, handle.isCancelled());
        }
    }

    /**
     * Stops running generations (each ends at its next token) and waits for them before freeing the native model:
     * freeing it under a generating thread would crash the JVM.
     */
    @Override
    public void close() {
        running.forEach(StreamingHandle::cancel);
        generators.shutdown();
        try {
            if (!generators.awaitTermination(10, TimeUnit.SECONDS)) {
                LoggerFactory.getLogger(LlamaCppStreamingChatModel.class)
                        .warn("llama.cpp generation still running after 10 s; leaving the model loaded");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        model.close();
    }
}
