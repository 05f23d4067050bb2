package dev.parley.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.OpenAiNames;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The session engine's own overhead, with components that cost nothing (or a fixed pace): start → first audio
 * delta, cancel → quiet, overlapped vs turn-based first audio, input cost per 20 ms append, and heap per idle
 * session. Prints a table; asserts only sanity (never timing: two shared cores). Run alone:
 * {@code mvn -pl framework-runtime -am test -Dtest=EngineLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EngineLatencyBenchmark {
    static final int RESPONSES = 200;
    static final int PACED = 5;
    static final int SESSIONS = 500;
    final ExecutorService carrier = Executors.newVirtualThreadPerTaskExecutor();
    final DefaultSessionEngineFactory factory = new DefaultSessionEngineFactory();
    final StringBuilder table = new StringBuilder(String.format(
            "%nSession engine overhead (scripted components), ms: median / p95 / max%n"));

    static Pipeline pipeline(ZeroCostComponents.Llm llm, ZeroCostComponents.Tts tts, boolean overlap) {
        return new Pipeline("bench", null, 16000, overlap, new ZeroCostComponents.Vad(), new ZeroCostComponents.Stt(),
                null, llm, tts, ComponentConfig.empty());
    }

    static ResponseSpec spec(boolean audio) {
        LlmRequest r = new LlmRequest("", List.of(new ChatMessage.User("hi")), List.of(), null, null, null);
        return new ResponseSpec("resp_bench", r, audio, VoiceSettings.DEFAULT, WireFormat.PCM16_24K,
                new ResponseTiming());
    }

    /** Records when the first delta arrived and whether anything arrived after {@link #cancelledAt}. */
    static final class Probe implements ResponseListener {
        final long startNanos = System.nanoTime();
        final CompletableFuture<Long> firstAudio = new CompletableFuture<>();
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean cancelled;
        final AtomicInteger afterCancel = new AtomicInteger();

        private void delivered() {
            if (cancelled) {
                afterCancel.incrementAndGet();
            }
        }

        @Override
        public void textDelta(String delta) {
            delivered();
        }

        @Override
        public void audioDelta(byte[] wireAudio, long durationMs) {
            delivered();
            firstAudio.complete(System.nanoTime());
        }

        @Override
        public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
            delivered();
        }

        @Override
        public void toolCall(int index, ToolCall call) {
            delivered();
        }

        @Override
        public void completed(FinishReason reason, TokenUsage usage) {
            delivered();
            done.countDown();
        }

        @Override
        public void failed(String code, String message) {
            delivered();
            done.countDown();
        }
    }

    static final InputListener NO_INPUT = new NoInputListener();

    @Test
    void engineOverhead() throws Exception {
        firstAudio();
        cancel();
        overlapVersusTurnBased();
        inputCost();
        idleHeap();
        System.out.println(table);
    }

    private void firstAudio() throws Exception {
        ZeroCostComponents.Llm llm = new ZeroCostComponents.Llm(24, 0);
        ZeroCostComponents.Tts tts = new ZeroCostComponents.Tts(0, 0);
        SessionActor actor = new SessionActor("bench", carrier);
        SessionEngine engine = factory.open(pipeline(llm, tts, true), actor, NO_INPUT);
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i < RESPONSES + 20; i++) {
            Probe p = new Probe();
            engine.responses().start(spec(true), p);
            long audioAt = p.firstAudio.get(20, TimeUnit.SECONDS);
            assertTrue(p.done.await(20, TimeUnit.SECONDS));
            if (i >= 20) { // warm-up excluded
                first.add((audioAt - p.startNanos) / 1e6);
                total.add((System.nanoTime() - p.startNanos) / 1e6);
            }
        }
        engine.close();
        row("start → first audio delta (24 words, 3 clauses)", first);
        row("start → completed", total);
    }

    private void cancel() throws Exception {
        ZeroCostComponents.Llm llm = new ZeroCostComponents.Llm(200, 1);
        ZeroCostComponents.Tts tts = new ZeroCostComponents.Tts(0, 2);
        SessionActor actor = new SessionActor("bench", carrier);
        SessionEngine engine = factory.open(pipeline(llm, tts, true), actor, NO_INPUT);
        List<Double> latency = new ArrayList<>();
        int late = 0;
        for (int i = 0; i < RESPONSES / 2; i++) {
            Probe p = new Probe();
            ResponseHandle h = engine.responses().start(spec(true), p);
            p.firstAudio.get(20, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            CountDownLatch cancelled = new CountDownLatch(1);
            actor.execute(() -> { // as a barge-in does: on the session's actor
                p.cancelled = true;
                h.cancel();
                cancelled.countDown();
            });
            cancelled.await(20, TimeUnit.SECONDS);
            latency.add((System.nanoTime() - t0) / 1e6);
            late += p.afterCancel.get();
        }
        ZeroCostComponents.pause(50); // let the scripted threads notice
        CountDownLatch drained = new CountDownLatch(1);
        actor.execute(drained::countDown);
        drained.await(20, TimeUnit.SECONDS);
        engine.close();
        row("cancel requested → LLM and TTS stopped, actor quiet", latency);
        table.append(String.format("  deliveries after cancel: %d; LLM streams cancelled %d/%d; TTS %d of %d%n", late,
                llm.cancelled.get(), llm.streams.get(), tts.cancelled.get(), tts.syntheses.get()));
        assertEquals(0, late);
        assertEquals(RESPONSES / 2, llm.cancelled.get());
    }

    private void overlapVersusTurnBased() throws Exception {
        for (boolean overlap : new boolean[] {true, false}) {
            // ~40 tokens/s model, TTS: 40 ms to first audio then 5 ms per 20 ms chunk (0.25× real time)
            ZeroCostComponents.Llm llm = new ZeroCostComponents.Llm(24, 25);
            ZeroCostComponents.Tts tts = new ZeroCostComponents.Tts(40, 5);
            SessionEngine engine = factory.open(pipeline(llm, tts, overlap), new SessionActor("bench", carrier),
                    NO_INPUT);
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < PACED; i++) {
                Probe p = new Probe();
                engine.responses().start(spec(true), p);
                first.add((p.firstAudio.get(20, TimeUnit.SECONDS) - p.startNanos) / 1e6);
                assertTrue(p.done.await(20, TimeUnit.SECONDS));
            }
            engine.close();
            row((overlap ? "overlapped" : "turn-based") + " first audio (paced LLM 25 ms/word, TTS 40 ms)", first);
        }
    }

    private void inputCost() throws Exception {
        for (int run = 0; run < 3; run++) {
            WireFormat format = run == 1 ? WireFormat.PCMU : WireFormat.PCM16_24K;
            boolean energyVad = run == 2;
            SessionActor actor = new SessionActor("bench", carrier);
            Pipeline p = pipeline(new ZeroCostComponents.Llm(1, 0), new ZeroCostComponents.Tts(0, 0), true);
            if (energyVad) { // the built-in VAD the default pipeline uses
                p = new Pipeline("bench", null, 16000, true, new dev.parley.runtime.builtin.vad.EnergyVadEngine(
                        dev.parley.runtime.builtin.vad.EnergyVadConfig.defaults()), p.stt(), null, p.llm(), p.tts(),
                        ComponentConfig.empty());
            }
            SessionEngine engine = factory.open(p, actor, NO_INPUT);
            engine.input().configure(new InputSettings(format, TurnDetection.DEFAULT, null));
            int bytes = format.sampleRate() / 50 * format.bytesPerSample();
            byte[] silence = new byte[bytes];
            byte[] voice = new byte[bytes];
            for (int i = 0; i + 1 < voice.length; i += 2) { // a 200 Hz buzz: voiced for any VAD
                short v = (short) (i % 240 < 120 ? 6000 : -6000);
                voice[i] = format.bytesPerSample() == 2 ? (byte) v : (byte) 0x35;
                voice[i + 1] = format.bytesPerSample() == 2 ? (byte) (v >> 8) : (byte) 0x35;
            }
            List<Double> perAppend = new ArrayList<>();
            for (int i = 0; i < 3000; i++) { // 60 s: 2 s voice, 1 s silence
                byte[] chunk = (i % 150) < 100 ? voice : silence;
                long t0 = System.nanoTime();
                engine.input().append(chunk); // called directly: this thread stands in for the actor
                if (i >= 500) {
                    perAppend.add((System.nanoTime() - t0) / 1e6);
                }
            }
            engine.close();
            row("input append, 20 ms of " + OpenAiNames.betaName(format) + (energyVad ? ", built-in energy VAD"
                    : " (decode, resample, VAD frames, STT feed)"), perAppend);
        }
    }

    private void idleHeap() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        List<SessionEngine> engines = new ArrayList<>();
        Pipeline pipeline = pipeline(new ZeroCostComponents.Llm(1, 0), new ZeroCostComponents.Tts(0, 0), true);
        gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < SESSIONS; i++) {
            SessionEngine e = factory.open(pipeline, new SessionActor("s" + i, carrier), NO_INPUT);
            e.input().append(new byte[960]); // touched once, like a session that said hello
            engines.add(e);
        }
        gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        double kb = (after - before) / 1024.0 / SESSIONS;
        table.append(String.format("  heap per idle session (engine only, %d sessions): %.1f KB%n", SESSIONS, kb));
        for (SessionEngine e : engines) {
            e.close();
        }
        assertTrue(kb < 1024, "more than 1 MB per idle session: " + kb + " KB");
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            ZeroCostComponents.pause(50);
        }
    }

    private void row(String name, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        table.append(String.format("  %-78s %7.3f / %7.3f / %7.3f  (n=%d)%n", name, s.get(s.size() / 2),
                s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))), s.get(s.size() - 1), s.size()));
        assertTrue(s.get(0) >= 0);
    }
}
