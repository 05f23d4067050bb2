package dev.parley.runtime.tracing;

import dev.parley.runtime.conversation.AgentState;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.TraceRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One session's trace, an observer of the core's events on the session's actor: the session span (the trace's
 * root, named after the workflow when the {@code tracing} field names one), a span per turn, and under it the
 * stage spans ({@link ResponseSpans}). Lifecycle: {@code WAITING} (not asked to trace: every event costs one
 * comparison) → {@code TRACING} (from the request or at once when the server traces all sessions) →
 * {@code CLOSED}.
 */
final class SessionTrace implements SessionTap {
    private enum Phase { WAITING, TRACING, CLOSED }

    static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("parley.session.id");
    static final AttributeKey<String> ITEM_ID = AttributeKey.stringKey("parley.item.id");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("parley.response.id");

    private final Tracer tracer;
    private final TraceClock clock;
    private final String transport;
    private final SessionIdentity identity;
    private final Pipeline pipeline;
    private final LlmLabel.Resolver labels;
    private Phase phase = Phase.WAITING;
    private Span session;
    private Context sessionContext;
    private String variant;
    private int turns;
    /** The user turn being formed: speech or a commit, no response yet. */
    private TurnSpan pending;
    private long speechStartedNanos;
    private final Map<String, ResponseSpans> responses = new HashMap<>();
    /** Function calls waiting for the client's output, by call id. */
    private final Map<String, Span> tools = new HashMap<>();

    SessionTrace(Tracer tracer, TraceClock clock, String transport, SessionIdentity identity, Pipeline pipeline,
                 LlmLabel.Resolver labels, boolean traceAll) {
        this.tracer = tracer;
        this.clock = clock;
        this.transport = transport;
        this.identity = identity;
        this.pipeline = pipeline;
        this.labels = labels;
        this.variant = identity.variant();
        if (traceAll) {
            start(TraceRequest.OFF);
        }
    }

    @Override
    public void tracing(TraceRequest requested) {
        if (phase == Phase.WAITING && requested.on()) {
            start(requested);
        } else if (phase == Phase.TRACING) {
            name(requested);
        }
    }

    private void start(TraceRequest requested) {
        phase = Phase.TRACING;
        session = tracer.spanBuilder("parley.session").setParent(Context.root())
                .setAttribute(SESSION_ID, identity.id())
                .setAttribute("parley.transport", transport)
                .setAttribute("parley.pipeline", identity.pipeline())
                .setAttribute("parley.variant", variant == null ? "-" : variant)
                .startSpan();
        sessionContext = Context.root().with(session);
        name(requested);
    }

    /** OpenAI's workflow name, group id and metadata as the root span's name and attributes. */
    private void name(TraceRequest requested) {
        if (requested instanceof TraceRequest.Workflow w) {
            session.updateName(w.name());
            session.setAttribute("parley.workflow.name", w.name());
            if (!w.groupId().isEmpty()) {
                session.setAttribute("parley.workflow.group_id", w.groupId());
            }
            w.metadata().forEach((k, v) -> session.setAttribute("parley.workflow.metadata." + k, v));
        }
    }

    @Override
    public void on(ConversationEvent event) {
        if (phase != Phase.TRACING) {
            return;
        }
        switch (event) {
            case ConversationEvent.SpeechStarted s -> {
                speechStartedNanos = s.atNanos();
                if (pending != null && pending.committed()) {
                    pending.end(s.atNanos()); // a committed turn nothing answered
                    pending = null;
                }
                userTurn(s.atNanos()).speechStarted(s.itemId(), s.atNanos());
            }
            case ConversationEvent.SpeechStopped s -> userTurn(s.atNanos()).event("speech_stopped", s.atNanos());
            case ConversationEvent.InputCommitted c -> userTurn(c.atNanos()).committed(c.itemId());
            case ConversationEvent.ResponseStarted r -> {
                TurnSpan turn = pending != null ? pending : newTurn(r.atNanos());
                pending = null;
                responses.put(r.response().id(), new ResponseSpans(tracer, clock, turn, r, pipeline,
                        labels.of(pipeline), speechStartedNanos));
            }
            case ConversationEvent.OutputItemAdded o when o.item().kind == ConversationItem.Kind.FUNCTION_CALL -> {
                ResponseSpans r = responses.get(o.responseId());
                if (r != null) {
                    tools.put(o.item().callId, r.toolCall(o));
                }
            }
            case ConversationEvent.FunctionCallArgumentsDone f -> {
                Span tool = tools.get(f.callId());
                if (tool != null) {
                    tool.setAttribute("parley.tool.name", f.name());
                    tool.setAttribute("parley.tool.arguments_chars", f.arguments() == null ? 0 : f.arguments().length());
                    tool.addEvent("arguments_done", clock.epochNanos(f.atNanos()), TimeUnit.NANOSECONDS);
                }
            }
            case ConversationEvent.ItemAdded a when a.item().kind == ConversationItem.Kind.FUNCTION_CALL_OUTPUT -> {
                Span tool = tools.remove(a.item().callId);
                if (tool != null) {
                    tool.setAttribute("parley.tool.output_item.id", a.item().id);
                    tool.end(clock.epochNanos(a.atNanos()), TimeUnit.NANOSECONDS);
                }
            }
            case ConversationEvent.ResponseDone d -> {
                ResponseSpans r = responses.get(d.response().id());
                if (r != null) {
                    r.done(d);
                }
            }
            case ConversationEvent.ResponseTimingReport t -> {
                ResponseSpans r = responses.remove(t.response().id());
                if (r != null) {
                    r.stages(t.response().timing());
                }
            }
            case ConversationEvent.VariantSwitched v -> {
                variant = v.variant();
                session.addEvent("variant_switched", Attributes.of(AttributeKey.stringKey("parley.pipeline"),
                        v.pipeline(), AttributeKey.stringKey("parley.variant"), v.variant() == null ? "-"
                                : v.variant()), clock.epochNanos(v.atNanos()), TimeUnit.NANOSECONDS);
            }
            case ConversationEvent.AgentStateChanged c
                    when c.from() == AgentState.HELD_FOR_VERDICT && c.to() == AgentState.THINKING ->
                    session.addEvent("false_interruption", clock.epochNanos(c.atNanos()), TimeUnit.NANOSECONDS);
            default -> { }
        }
    }

    private TurnSpan userTurn(long atNanos) {
        if (pending == null) {
            pending = newTurn(atNanos);
        }
        return pending;
    }

    private TurnSpan newTurn(long atNanos) {
        return new TurnSpan(tracer, sessionContext, clock, atNanos, identity.id(), ++turns,
                variant == null ? "-" : variant);
    }

    @Override
    public void errorSent(String code) {
        if (phase == Phase.TRACING) {
            session.addEvent("error", Attributes.of(AttributeKey.stringKey("parley.error.code"),
                    code == null ? "unknown" : code));
        }
    }

    @Override
    public void closed() {
        if (phase != Phase.TRACING) {
            phase = Phase.CLOSED;
            return;
        }
        phase = Phase.CLOSED;
        long now = System.nanoTime();
        if (pending != null) {
            pending.end(now);
        }
        responses.values().forEach(r -> r.abandon(now));
        responses.clear();
        tools.values().forEach(t -> t.end(clock.epochNanos(now), TimeUnit.NANOSECONDS));
        tools.clear();
        session.end(clock.epochNanos(now), TimeUnit.NANOSECONDS);
    }
}
