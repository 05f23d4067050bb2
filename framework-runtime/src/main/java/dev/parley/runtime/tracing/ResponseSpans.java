package dev.parley.runtime.tracing;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ResponseOutcome;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.ResponseTiming.Stage;
import dev.parley.runtime.pipeline.Pipeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One response's spans: the response span (opened at {@code ResponseStarted}, ended at {@code ResponseDone}), its
 * tool calls, and the stage spans built from its stage clock once the timing report arrives: the turn decision
 * and STT under the turn, the LLM request and each TTS clause under the response. Built after the fact from the
 * clock's marks (exact intervals, nothing on the audio path); the response span itself is built at its first use,
 * not at the start. Lifecycle: open → done → stages (ends the turn).
 */
final class ResponseSpans {
    private final Tracer tracer;
    private final TraceClock clock;
    private final TurnSpan turn;
    private final ConversationEvent.ResponseStarted started;
    private Span response;
    private Context context;
    private final Pipeline pipeline;
    private final LlmLabel llm;
    private final long speechStartedNanos;
    private long doneNanos;
    private ConversationEvent.ResponseDone done;

    ResponseSpans(Tracer tracer, TraceClock clock, TurnSpan turn, ConversationEvent.ResponseStarted started,
                  Pipeline pipeline, LlmLabel llm, long speechStartedNanos) {
        this.tracer = tracer;
        this.clock = clock;
        this.turn = turn;
        this.started = started;
        this.pipeline = pipeline;
        this.llm = llm;
        this.speechStartedNanos = speechStartedNanos;
    }

    /**
     * The response span, built on first use (a tool call or the response's end) with the start time it had: a
     * response start is on the path to first audio, so it only keeps the event (one field) and builds nothing.
     */
    private Span response() {
        if (response == null) {
            turn.span().setAttribute(SessionTrace.RESPONSE_ID, started.response().id());
            var builder = tracer.spanBuilder("parley.response").setParent(turn.context())
                    .setStartTimestamp(clock.epochNanos(started.atNanos()), TimeUnit.NANOSECONDS)
                    .setAttribute(SessionTrace.RESPONSE_ID, started.response().id());
            if (started.response().conversationId() != null) {
                builder.setAttribute("parley.conversation.id", started.response().conversationId());
            }
            if (turn.itemId() != null) {
                builder.setAttribute(SessionTrace.ITEM_ID, turn.itemId());
            }
            response = builder.startSpan();
            context = Context.root().with(response);
        }
        return response;
    }

    private Context context() {
        response();
        return context;
    }

    /** A function call's span, from its output item to the client's {@code function_call_output}. */
    Span toolCall(ConversationEvent.OutputItemAdded added) {
        return tracer.spanBuilder("parley.tool_call").setParent(context())
                .setStartTimestamp(clock.epochNanos(added.atNanos()), TimeUnit.NANOSECONDS)
                .setAttribute(SessionTrace.RESPONSE_ID, added.responseId())
                .setAttribute(SessionTrace.ITEM_ID, added.item().id)
                .setAttribute("parley.tool.call_id", added.item().callId == null ? "" : added.item().callId)
                .setAttribute("parley.tool.name", added.item().name == null ? "" : added.item().name)
                .startSpan();
    }

    void done(ConversationEvent.ResponseDone d) {
        done = d;
        doneNanos = d.atNanos();
        ResponseOutcome o = d.outcome();
        Span response = response();
        response.setAttribute("parley.response.status", o.status().name().toLowerCase(Locale.ROOT));
        if (o.reason() != null) {
            response.setAttribute("parley.response.reason", o.reason().name().toLowerCase(Locale.ROOT));
        }
        if (o.reason() == ResponseOutcome.Reason.TURN_DETECTED) {
            response.setAttribute("parley.barge_in", true);
            turn.span().setAttribute("parley.barge_in", true);
            turn.event("barge_in", d.atNanos());
        }
        if (o.status() == ResponseOutcome.Status.FAILED) {
            response.setStatus(StatusCode.ERROR, o.errorCode() == null ? "failed" : o.errorCode());
            if (o.errorCode() != null) {
                response.setAttribute("parley.error.code", o.errorCode());
            }
        }
        response.end(clock.epochNanos(d.atNanos()), TimeUnit.NANOSECONDS);
    }

    /** The stage spans from the response's clock; ends the turn at the response's end. */
    void stages(ResponseTiming t) {
        long end = doneNanos != 0 ? doneNanos : System.nanoTime();
        Span decision = span(turn.context(), "parley.turn_decision", t.at(Stage.SPEECH_END), t.at(Stage.TURN_DECIDED));
        if (decision != null) {
            decision.setAttribute("parley.vad.provider", name(pipeline.vad()));
            decision.end(clock.epochNanos(t.at(Stage.TURN_DECIDED)), TimeUnit.NANOSECONDS);
        }
        Long sttFinal = t.at(Stage.STT_FINAL);
        Long sttStart = speechStartedNanos != 0 && sttFinal != null && speechStartedNanos <= sttFinal
                ? Long.valueOf(speechStartedNanos) : t.at(Stage.TURN_DECIDED);
        Span stt = span(turn.context(), "parley.stt", sttStart, sttFinal);
        if (stt != null) {
            stt.setAttribute("parley.stt.provider", name(pipeline.stt()));
            if (turn.itemId() != null) {
                stt.setAttribute(SessionTrace.ITEM_ID, turn.itemId());
            }
            stt.end(clock.epochNanos(sttFinal), TimeUnit.NANOSECONDS);
        }
        llmSpan(t, end);
        for (ResponseTiming.Clause c : t.clauses()) {
            Span clause = span(context(), "parley.tts.clause", c.startedNanos(), c.startedNanos());
            clause.setAttribute("parley.tts.provider", name(pipeline.tts()));
            clause.setAttribute("parley.tts.clause.index", c.index());
            clause.setAttribute("parley.tts.clause.chars", c.chars());
            if (c.firstAudioNanos() != 0) {
                clause.addEvent("first_audio", clock.epochNanos(c.firstAudioNanos()), TimeUnit.NANOSECONDS);
            }
            long clauseEnd = c.doneNanos() != 0 ? c.doneNanos() : Math.max(end, c.startedNanos());
            clause.end(clock.epochNanos(clauseEnd), TimeUnit.NANOSECONDS);
        }
        turn.end(end);
    }

    private void llmSpan(ResponseTiming t, long end) {
        Long request = t.at(Stage.LLM_REQUEST);
        Span span = span(context(), "parley.llm", request, request);
        if (span == null) {
            return;
        }
        span.setAttribute("gen_ai.operation.name", "chat");
        span.setAttribute("gen_ai.provider.name", llm.provider());
        if (llm.model() != null) {
            span.setAttribute("gen_ai.request.model", llm.model());
        }
        Long token = t.at(Stage.LLM_FIRST_TOKEN);
        if (token != null) {
            span.addEvent("first_token", clock.epochNanos(token), TimeUnit.NANOSECONDS);
            span.setAttribute("parley.llm.first_token_ms", (token - request) / 1e6);
        }
        if (done != null) {
            span.setAttribute("gen_ai.usage.input_tokens", done.usage().inputTokens());
            span.setAttribute("gen_ai.usage.output_tokens", done.usage().outputTokens());
        }
        span.end(clock.epochNanos(Math.max(end, request)), TimeUnit.NANOSECONDS);
    }

    /** A started span from {@code from}, or null when the stage was not reached ({@code to} null or earlier). */
    private Span span(Context parent, String name, Long from, Long to) {
        if (from == null || to == null || to < from) {
            return null;
        }
        return tracer.spanBuilder(name).setParent(parent)
                .setStartTimestamp(clock.epochNanos(from), TimeUnit.NANOSECONDS).startSpan();
    }

    /** The session closed before the response's end was reported. */
    void abandon(long atNanos) {
        if (done == null) {
            response().setAttribute("parley.response.status", "abandoned");
            response.end(clock.epochNanos(atNanos), TimeUnit.NANOSECONDS);
            doneNanos = atNanos;
        }
        turn.end(atNanos);
    }

    private static String name(Object engine) {
        return engine == null ? "none" : engine.getClass().getSimpleName();
    }
}
