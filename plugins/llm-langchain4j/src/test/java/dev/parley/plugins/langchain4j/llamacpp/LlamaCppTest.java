package dev.parley.plugins.langchain4j.llamacpp;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The llamacpp provider on a random-weight GGUF this test writes itself (no chat weights can be downloaded here).
 * The generated text is noise by construction: the tests assert on loading, callbacks, token counts and cancel,
 * never on content.
 */
class LlamaCppTest {
    @TempDir
    static Path dir;
    static Path gguf;
    static LlmEngine engine;
    static LlamaCppStreamingChatModel chatModel;

    @BeforeAll
    static void writeAndLoadModel() throws Exception {
        long t0 = System.nanoTime();
        gguf = TinyLlamaGguf.write(dir.resolve("tiny-random.gguf"), 42, 256, 4, 1024);
        long t1 = System.nanoTime();
        LlamaCppConfig config = new LlamaCppConfig(gguf, 512, 2, 0, 0.8, 64, 7, Duration.ofSeconds(30));
        engine = new LlamaCppLlmProvider().create(config);
        long t2 = System.nanoTime();
        System.out.printf("llamacpp: wrote %d-byte random GGUF in %d ms, loaded it in %d ms%n", Files.size(gguf),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        chatModel = new LlamaCppStreamingChatModel(new LlamaModel(new ModelParameters()
                .setModel(gguf.toString()).setCtxSize(512).setThreads(2)), config);
    }

    @AfterAll
    static void close() {
        engine.close();
        chatModel.close();
    }

    private static LlmRequest ask(String text, Integer maxTokens) {
        return new LlmRequest("You are a test.", List.of(new ChatMessage.User(text)), List.of(), null, null,
                maxTokens);
    }

    @Test
    void streamsTokensFromTheGeneratedModel() throws Exception {
        RecordingLlmListener l = new RecordingLlmListener();
        long start = System.nanoTime();
        engine.stream(ask("Say something", 48), l);
        l.await();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertNull(l.error, () -> String.valueOf(l.error));
        assertTrue(l.deltas.size() >= 1, "at least one streamed piece");
        assertTrue(l.deltas.size() <= 48, "each piece is at least one token, and max_output_tokens is 48");
        assertTrue(l.usage.outputTokens() >= l.deltas.size() && l.usage.outputTokens() <= 48, "tokens: " + l.usage);
        assertTrue(l.reason == FinishReason.STOP || l.reason == FinishReason.LENGTH);
        assertTrue(l.usage.inputTokens() > 10, "the templated prompt was counted: " + l.usage);
        System.out.printf("llamacpp: %d pieces, %d tokens (re-tokenised), %s, in %d ms (noise text)%n",
                l.deltas.size(), l.usage.outputTokens(), l.reason, ms);
    }

    @Test
    void cancelFromAnotherThreadStopsGenerationAtTheNextToken() throws Exception {
        CountDownLatch thirdPiece = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<int[]> finished = new CompletableFuture<>();
        chatModel.observer = (pieces, wasCancelled) -> finished.complete(new int[] {pieces, wasCancelled ? 1 : 0});
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger afterCancel = new AtomicInteger();
        PartialResponseContext[] context = new PartialResponseContext[1];
        chatModel.chat(ChatRequest.builder().messages(UserMessage.from("Go on")).maxOutputTokens(400).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext ctx) {
                        if (cancelled.getCount() == 0) {
                            afterCancel.incrementAndGet();
                        }
                        if (seen.incrementAndGet() == 3) {
                            context[0] = ctx;
                            thirdPiece.countDown();
                            awaitQuietly(cancelled); // hold the generator here until the other thread cancelled
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        finished.completeExceptionally(new AssertionError("completed despite cancel"));
                    }

                    @Override
                    public void onError(Throwable error) {
                        finished.completeExceptionally(error);
                    }
                });
        assertTrue(thirdPiece.await(30, TimeUnit.SECONDS), "three pieces streamed");
        context[0].streamingHandle().cancel(); // from the test thread, as a barge-in would
        cancelled.countDown();
        int[] result = finished.get(30, TimeUnit.SECONDS);
        System.out.printf("llamacpp cancel: generation stopped after %d pieces of up to 400 tokens%n", result[0]);
        assertEquals(1, result[1], "the generation ended as cancelled");
        assertTrue(result[0] <= 4, "at most one more token pulled after cancel, pulled " + result[0]);
        assertEquals(0, afterCancel.get(), "no partial response after cancel");
    }

    @Test
    void cancelThroughTheParleyStreamSilencesTheListener() throws Exception {
        AtomicInteger count = new AtomicInteger();
        LlmStream[] stream = new LlmStream[1];
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelledInCallback = new CountDownLatch(1);
        RecordingLlmListener l = new RecordingLlmListener() {
            @Override
            public void onTextDelta(String delta) {
                super.onTextDelta(delta);
                if (count.incrementAndGet() == 2) {
                    awaitQuietly(started);
                    stream[0].cancel(); // barge-in arriving while a token is being delivered
                    cancelledInCallback.countDown();
                }
            }
        };
        stream[0] = engine.stream(ask("Keep talking", 400), l);
        started.countDown();
        assertTrue(cancelledInCallback.await(30, TimeUnit.SECONDS), "two pieces streamed, then cancel");
        Thread.sleep(300); // generation would go on for up to 400 tokens; any leak would show here
        assertEquals(2, l.deltas.size(), "nothing after cancel: " + l.events);
        assertNull(l.reason);
        assertNull(l.error);
        // The engine is free again: the cancelled task released llama.cpp's slot.
        RecordingLlmListener next = new RecordingLlmListener();
        engine.stream(ask("Again", 8), next);
        assertTrue(next.await().reason != null);
    }

    @Test
    void closingWhileGeneratingStopsTheGenerationBeforeFreeingTheModel() throws Exception {
        LlamaCppStreamingChatModel model = new LlamaCppStreamingChatModel(new LlamaModel(new ModelParameters()
                .setModel(gguf.toString()).setCtxSize(512).setThreads(2)),
                new LlamaCppConfig(gguf, 512, 2, 0, 0.8, 400, 7, Duration.ofSeconds(30)));
        CountDownLatch firstPiece = new CountDownLatch(1);
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        model.observer = (pieces, wasCancelled) -> ended.complete(wasCancelled);
        model.chat(ChatRequest.builder().messages(UserMessage.from("Talk")).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext ctx) {
                        firstPiece.countDown();
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                    }

                    @Override
                    public void onError(Throwable error) {
                    }
                });
        assertTrue(firstPiece.await(30, TimeUnit.SECONDS));
        model.close(); // must not free the native model under the generating thread (that would crash the JVM)
        assertTrue(ended.isDone(), "the generation ended before close returned");
    }

    @Test
    void missingOrUnusableModelPathIsAClearConfigError() throws Exception {
        LlamaCppLlmProvider provider = new LlamaCppLlmProvider();
        ConfigException missing = assertThrows(ConfigException.class, () -> LlamaCppConfig.from(
                new ComponentConfig(Map.of(), "pipelines/x.yaml stages.llm.config"), name -> null));
        assertTrue(missing.getMessage().contains("model_path") && missing.getMessage().contains("pipelines/x.yaml")
                && missing.getMessage().contains("PARLEY_LLAMACPP_MODEL"), missing.getMessage());
        assertEquals(gguf, LlamaCppConfig.from(new ComponentConfig(Map.of(), "x"),
                name -> name.equals("PARLEY_LLAMACPP_MODEL") ? gguf.toString() : null).modelPath());
        ConfigException absent = assertThrows(ConfigException.class, () -> provider.create(new ComponentConfig(
                Map.of("model_path", dir.resolve("nope.gguf").toString()), "x.yaml")));
        assertTrue(absent.getMessage().contains("not a file"), absent.getMessage());
        Path garbage = Files.writeString(dir.resolve("garbage.gguf"), "this is not a model");
        ConfigException bad = assertThrows(ConfigException.class, () -> provider.create(new ComponentConfig(
                Map.of("model_path", garbage.toString()), "x.yaml")));
        assertTrue(bad.getMessage().contains("could not load"), bad.getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
