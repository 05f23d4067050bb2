package dev.parley.runtime.metrics;

import dev.parley.runtime.conversation.AgentState;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ResponseOutcome;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.ResponseTiming.Stage;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One session's metrics: an observer of the core's events on the session's actor. Meters are resolved once per
 * session ({@link VariantMeters}); an audio chunk costs one counter increment. Lifecycle: open at construction
 * (counted in the live-session gauge) → {@link #closed()} once.
 */
final class SessionMetrics implements SessionTap {
    private enum Phase { OPEN, CLOSED }

    private final ParleyMetrics server;
    private final MeterRegistry registry;
    private final Pipeline pipeline;
    private ParleyMetrics.SessionKey key;
    private VariantMeters meters;
    private Phase phase = Phase.OPEN;

    SessionMetrics(ParleyMetrics server, String transport, SessionIdentity identity, Pipeline pipeline) {
        this.server = server;
        this.registry = server.registry();
        this.pipeline = pipeline;
        this.key = new ParleyMetrics.SessionKey(transport, identity.pipeline(), variant(identity.variant()));
        this.meters = VariantMeters.of(registry, key.pipeline(), key.variant());
        server.joined(key, true);
    }

    private static String variant(String v) {
        return v == null ? "-" : v;
    }

    @Override
    public void on(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.AudioChunk a -> meters.audioOut().increment(a.durationMs() / 1000.0);
            case ConversationEvent.InputCommitted c -> meters.turns().increment();
            case ConversationEvent.TranscriptCompleted t -> meters.audioIn().increment(t.audioSeconds());
            case ConversationEvent.TranscriptFailed f -> componentFailure("stt", pipeline.stt());
            case ConversationEvent.ResponseDone d -> responseDone(d.outcome());
            case ConversationEvent.ResponseTimingReport r -> timing(r.response().timing(),
                    r.response().options().audio());
            case ConversationEvent.AgentStateChanged c
                    when c.from() == AgentState.HELD_FOR_VERDICT && c.to() == AgentState.THINKING ->
                    meters.falseInterruptions().increment();
            case ConversationEvent.VariantSwitched v -> switchTo(v.pipeline(), variant(v.variant()));
            default -> { }
        }
    }

    @Override
    public void errorSent(String code) {
        registry.counter("parley.errors", meters.tags().and("code", code == null ? "unknown" : code)).increment();
    }

    @Override
    public void closed() {
        if (phase == Phase.OPEN) {
            phase = Phase.CLOSED;
            server.left(key);
        }
    }

    private void switchTo(String pipelineName, String variant) {
        ParleyMetrics.SessionKey next = new ParleyMetrics.SessionKey(key.transport(), pipelineName, variant);
        if (phase == Phase.OPEN) {
            server.left(key);
            server.joined(next, false);
        }
        key = next;
        meters = VariantMeters.of(registry, pipelineName, variant);
    }

    private void responseDone(ResponseOutcome outcome) {
        String reason = outcome.reason() == null ? "none" : outcome.reason().name().toLowerCase(Locale.ROOT);
        registry.counter("parley.responses", meters.tags().and("status",
                outcome.status().name().toLowerCase(Locale.ROOT), "reason", reason)).increment();
        switch (outcome.status()) {
            case CANCELLED -> {
                if (outcome.reason() == ResponseOutcome.Reason.TURN_DETECTED) {
                    meters.bargeIns().increment();
                }
            }
            case FAILED -> {
                String code = outcome.errorCode() == null ? "" : outcome.errorCode();
                if (code.startsWith("llm_")) {
                    componentFailure("llm", pipeline.llm());
                } else if (code.startsWith("tts_")) {
                    componentFailure("tts", pipeline.tts());
                }
            }
            default -> { }
        }
    }

    /** Component failures by kind and provider (the engine's class: pipelines name providers, engines do not). */
    private void componentFailure(String kind, Object engine) {
        registry.counter("parley.component.failures", meters.tags().and("component", kind, "provider",
                engine == null ? "none" : engine.getClass().getSimpleName())).increment();
    }

    /** Stage latencies as the benchmark splits them (parley-bench StageBreakdown): components, then framework. */
    private void timing(ResponseTiming t, boolean audio) {
        Long speechEnd = t.at(Stage.SPEECH_END);
        Long turn = t.at(Stage.TURN_DECIDED);
        Long stt = t.at(Stage.STT_FINAL);
        Long request = t.at(Stage.LLM_REQUEST);
        Long token = t.at(Stage.LLM_FIRST_TOKEN);
        Long clause = t.at(Stage.FIRST_CLAUSE);
        Long ttsAudio = t.at(Stage.TTS_FIRST_AUDIO);
        Long sent = t.at(Stage.FIRST_DELTA_SENT);
        record(meters.turnDecision(), speechEnd, turn);
        if (stt != null && turn != null) {
            meters.sttFinal().record(Math.max(0, stt - turn), TimeUnit.NANOSECONDS);
        }
        record(meters.llmFirstToken(), request, token);
        record(meters.firstClause(), token, clause);
        record(meters.ttsFirstAudio(), clause, ttsAudio);
        Long heard = stt == null ? turn : turn == null ? stt : Long.valueOf(Math.max(stt, turn));
        if (heard != null && request != null && ttsAudio != null && sent != null) {
            meters.framework().record(Math.max(0, request - heard) + Math.max(0, sent - ttsAudio),
                    TimeUnit.NANOSECONDS);
        }
        Long userTurnEnd = speechEnd != null ? speechEnd : turn;
        if (audio && ttsAudio != null) {
            record(meters.ttfa(), userTurnEnd, sent);
        }
    }

    private static void record(Timer timer, Long from, Long to) {
        if (from != null && to != null && to >= from) {
            timer.record(to - from, TimeUnit.NANOSECONDS);
        }
    }
}
