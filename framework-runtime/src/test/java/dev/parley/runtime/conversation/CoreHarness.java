package dev.parley.runtime.conversation;

import dev.parley.api.llm.LlmEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.InputPipeline;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.ResponseGenerator;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.engine.response.DefaultResponseGenerator;
import dev.parley.runtime.engine.response.ResponseSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Test scope: a {@link ConversationCore} on a real actor and the real response path (given LLM and TTS doubles),
 * with an input path the test drives by firing {@link InputListener} reports, as VAD and STT would. Records
 * every {@link ConversationEvent}. No socket, no JSON.
 */
public final class CoreHarness implements AutoCloseable {
    public final SessionActor actor = new SessionActor("core-test", Executors.newVirtualThreadPerTaskExecutor());
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    public final LinkedBlockingQueue<ConversationEvent> events = new LinkedBlockingQueue<>();
    public final List<ConversationEvent> seen = new ArrayList<>();
    public final ConversationCore core;
    private volatile InputListener input;

    public CoreHarness(ConversationSettings settings, LlmEngine llm, TtsEngine tts) {
        this(settings, llm, tts, Conversation.DEFAULT_MAX_ITEMS);
    }

    /** @param maxItems the conversation's item cap */
    public CoreHarness(ConversationSettings settings, LlmEngine llm, TtsEngine tts, int maxItems) {
        core = new ConversationCore("conv_test", settings, actor, timers, Duration.ofSeconds(5), 1 << 20,
                maxItems);
        core.subscribe(events::add);
        DefaultResponseGenerator responses = new DefaultResponseGenerator(actor, llm, tts, true,
                ResponseSettings.DEFAULTS, timers);
        onActor(() -> core.open((pipeline, a, listener) -> {
            input = listener;
            return new TestEngine(responses);
        }, null, null));
    }

    /** Voice settings: server VAD turn taking with barge-in, spoken answers, 24 kHz PCM both ways. */
    public static ConversationSettings voice(boolean falseInterruption) {
        return voice(falseInterruption, true);
    }

    /** As {@link #voice(boolean)}; {@code interruptResponse} off: speech onset does not cancel the answer. */
    public static ConversationSettings voice(boolean falseInterruption, boolean interruptResponse) {
        return new ConversationSettings(true, true, "Be brief.", "alloy", 1.0, WireFormat.PCM16_24K,
                WireFormat.PCM16_24K, null, new TurnDetection(TurnDetection.Type.SERVER_VAD, 0.5, 300, 200, null,
                true, interruptResponse, "auto"), List.of(), dev.parley.api.llm.ToolChoice.AUTO, null, null,
                new ConversationSettings.FalseInterruptionResume(falseInterruption, 2000), null);
    }

    public void command(Command c) {
        onActor(() -> core.handle(c));
    }

    /** Fires an input-path report on the actor. */
    public void fire(Consumer<InputListener> report) {
        actor.execute(() -> report.accept(input));
    }

    public static CommittedAudio utterance(long n, long startMs, long endMs) {
        return new CommittedAudio(n, new byte[(int) (endMs - startMs) * 48], WireFormat.PCM16_24K, startMs, endMs,
                System.nanoTime());
    }

    /** The next event of {@code type} that matches, within 5 s; every event before it is kept in {@link #seen}. */
    public <T extends ConversationEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long left = deadline - System.nanoTime();
            ConversationEvent e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within 5 s; saw " + seen);
            }
            seen.add(e);
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    public <T extends ConversationEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    /** Everything of {@code type} seen so far. */
    public <T extends ConversationEvent> List<T> seen(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Runs {@code r} on the actor and waits for it (also: everything queued before it has run). */
    public void onActor(Runnable r) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        actor.execute(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("actor task did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        command(new Command.Close());
        timers.shutdownNow();
    }

    /** The session engine: the real response path, and an input path that only buffers. */
    private static final class TestEngine implements SessionEngine, InputPipeline {
        private final DefaultResponseGenerator responses;
        private long bufferedBytes;
        private long utterances = 100;

        TestEngine(DefaultResponseGenerator responses) {
            this.responses = responses;
        }

        @Override
        public InputPipeline input() {
            return this;
        }

        @Override
        public ResponseGenerator responses() {
            return responses;
        }

        @Override
        public void append(byte[] wireAudio) {
            bufferedBytes += wireAudio.length;
        }

        @Override
        public CommittedAudio commit() {
            long ms = WireFormat.PCM16_24K.millis(bufferedBytes);
            if (ms < 100) {
                return null;
            }
            bufferedBytes = 0;
            return new CommittedAudio(++utterances, new byte[0], WireFormat.PCM16_24K, 0, ms, 0);
        }

        @Override
        public void clear() {
            bufferedBytes = 0;
        }

        @Override
        public void configure(InputSettings settings) {
        }

        @Override
        public long audioMs() {
            return WireFormat.PCM16_24K.millis(bufferedBytes);
        }

        @Override
        public void responseFinished() {
        }

        @Override
        public void close() {
            responses.cancelAll();
        }
    }
}
