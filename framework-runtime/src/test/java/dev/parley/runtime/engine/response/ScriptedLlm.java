package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test double: plays a fixed script of LLM events on a virtual thread. */
public final class ScriptedLlm implements LlmEngine {
    public sealed interface Step {
    }

    public record Text(String delta) implements Step {
    }

    public record Tool(int index, ToolCall call) implements Step {
    }

    public record Gate(CountDownLatch latch) implements Step {
    }

    public record Done(FinishReason reason) implements Step {
    }

    public record Fail(LlmException.Kind kind, String message) implements Step {
    }

    private final List<Step> script;
    /** A badly behaved model that keeps emitting after cancel: the runtime must still drop it all. */
    volatile boolean ignoreCancel;
    public final AtomicBoolean cancelled = new AtomicBoolean();
    final CountDownLatch scriptEnded = new CountDownLatch(1);
    public final Queue<LlmRequest> requests = new ConcurrentLinkedQueue<>();
    Queue<String> log; // shared order log, optional

    public ScriptedLlm(List<Step> script) {
        this.script = script;
    }

    public static List<Step> words(String text, FinishReason reason) {
        java.util.ArrayList<Step> steps = new java.util.ArrayList<>();
        for (String w : text.split("(?<= )")) {
            steps.add(new Text(w));
        }
        steps.add(new Done(reason));
        return steps;
    }

    @Override
    public LlmStream stream(LlmRequest request, LlmListener listener) {
        requests.add(request);
        Thread.ofVirtual().start(() -> {
            try {
                for (Step step : script) {
                    if (cancelled.get() && !ignoreCancel) {
                        return;
                    }
                    switch (step) {
                        case Text t -> {
                            note("llm:" + t.delta());
                            listener.onTextDelta(t.delta());
                        }
                        case Tool t -> {
                            listener.onToolCallDelta(t.index(), t.call().callId(), t.call().name(),
                                    t.call().argumentsJson());
                            listener.onToolCall(t.index(), t.call());
                        }
                        case Gate g -> g.latch().await(20, TimeUnit.SECONDS);
                        case Done d -> {
                            note("llm:done");
                            listener.onComplete(d.reason(), new TokenUsage(5, 7));
                        }
                        case Fail f -> listener.onError(new LlmException(f.kind(), f.message()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                scriptEnded.countDown();
            }
        });
        return () -> cancelled.set(true);
    }

    private void note(String s) {
        if (log != null) {
            log.add(s);
        }
    }
}
