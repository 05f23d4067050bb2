package dev.parley.runtime.engine.response;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wires a {@link DefaultResponseGenerator} to scripted components on a real session actor. */
final class ResponseHarness {
    static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-scheduler");
        t.setDaemon(true);
        return t;
    });

    final SessionActor actor = new SessionActor("test", Executors.newVirtualThreadPerTaskExecutor());
    final ResponseTiming timing = new ResponseTiming();
    volatile ResponseHandle handle; // read by listener callbacks on the actor

    ResponseHandle start(LlmEngine llm, TtsEngine tts, boolean overlap, boolean audio, ResponseSettings settings,
                         RecordingListener listener) {
        return start(llm, tts, overlap, spec(audio, null, WireFormat.PCM16_24K), settings, listener);
    }

    ResponseHandle start(LlmEngine llm, TtsEngine tts, boolean overlap, ResponseSpec spec, ResponseSettings settings,
                         RecordingListener listener) {
        DefaultResponseGenerator gen = new DefaultResponseGenerator(actor, llm, tts, overlap, settings, SCHEDULER);
        handle = gen.start(spec, listener);
        return handle;
    }

    ResponseSpec spec(boolean audio, Integer maxTokens, WireFormat format) {
        LlmRequest request = new LlmRequest("be brief", List.of(new ChatMessage.User("hi")), List.of(), null, null,
                maxTokens);
        return new ResponseSpec("resp_test", request, audio, VoiceSettings.DEFAULT, format, timing);
    }

    /** Cancels on the actor, as the session does, and marks the moment in the listener's log. */
    void cancelOnActor(RecordingListener listener) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        actor.execute(() -> {
            listener.mark("CANCEL");
            handle.cancel();
            done.countDown();
        });
        done.await(20, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} (bounded: fails after 20 s with {@code what}). */
    static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what.get());
            }
            Thread.sleep(1);
        }
    }

    /** Waits until every task queued on the actor so far has run. */
    void drain() throws InterruptedException {
        for (int i = 0; i < 3; i++) { // tasks may enqueue tasks
            CountDownLatch done = new CountDownLatch(1);
            actor.execute(done::countDown);
            done.await(20, TimeUnit.SECONDS);
        }
    }
}
