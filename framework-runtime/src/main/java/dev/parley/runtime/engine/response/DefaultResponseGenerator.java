package dev.parley.runtime.engine.response;

import dev.parley.api.llm.LlmEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.runtime.engine.OutputReadiness;
import dev.parley.runtime.engine.ResponseGenerator;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.SessionActor;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The response path of one session: each {@link #start} runs a {@link ResponseRun} on the session's actor.
 * Overlapped (TTS of clause n+1 while clause n streams) unless the pipeline says {@code overlap: false}.
 */
public final class DefaultResponseGenerator implements ResponseGenerator {
    private final SessionActor actor;
    private final LlmEngine llm;
    private final TtsEngine tts;
    private final boolean overlap;
    private final TtsWatchdog watchdog;
    private final ResponseSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ProductionGate.Factory gates;
    private final Set<ResponseRun> runs = ConcurrentHashMap.newKeySet();

    /**
     * @param scheduler runs TTS silence and LLM deadline checks (shared by all sessions; tasks are tiny)
     */
    public DefaultResponseGenerator(SessionActor actor, LlmEngine llm, TtsEngine tts, boolean overlap,
                                    ResponseSettings settings, ScheduledExecutorService scheduler) {
        this(actor, llm, tts, overlap, settings, scheduler, OutputReadiness.ALWAYS);
    }

    /**
     * @param output the session's output readiness: while it is not ready, responses start no new synthesis
     */
    public DefaultResponseGenerator(SessionActor actor, LlmEngine llm, TtsEngine tts, boolean overlap,
                                    ResponseSettings settings, ScheduledExecutorService scheduler,
                                    OutputReadiness output) {
        this.gates = new ProductionGate.Factory(output, scheduler, actor);
        WeakReference<DefaultResponseGenerator> self = new WeakReference<>(this); // a sink outlives a variant's engine
        output.onChange(() -> {
            DefaultResponseGenerator g = self.get();
            if (g != null && output.ready()) {
                actor.execute(g::resumeAll);
            }
        });
        this.actor = actor;
        this.llm = llm;
        this.tts = tts;
        this.overlap = overlap;
        this.settings = settings;
        this.scheduler = scheduler;
        this.watchdog = new TtsWatchdog(scheduler, settings.ttsTimeoutMs());
    }

    @Override
    public ResponseHandle start(ResponseSpec spec, ResponseListener listener) {
        if (llm == null && spec.scriptedText() == null) {
            throw new IllegalStateException("The pipeline has no llm stage");
        }
        if (spec.audio() && tts == null) {
            throw new IllegalStateException("The pipeline has no TTS stage; only text responses are possible");
        }
        runs.removeIf(ResponseRun::isOver);
        ResponseRun run = new ResponseRun(spec, listener, actor, llm, tts, overlap, watchdog, settings,
                new LlmDeadline(scheduler, actor, settings.llmFirstTokenMs(), settings.llmStallMs()), gates);
        runs.add(run);
        actor.execute(() -> {
            if (!run.isOver()) {
                run.start();
            }
        });
        return run;
    }

    /** On the actor: the client reads again, so every run's waiting syntheses may start. */
    private void resumeAll() {
        for (ResponseRun run : runs) {
            run.resumeProduction();
        }
    }

    /** Cancels every response still running (the session is closing). */
    public void cancelAll() {
        for (ResponseRun run : runs) {
            run.cancel();
        }
        runs.clear();
    }
}
