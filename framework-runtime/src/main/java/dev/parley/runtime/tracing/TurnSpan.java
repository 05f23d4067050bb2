package dev.parley.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One turn's span: opened by the user's speech or commit (or by a response nothing spoken asked for), ended with
 * its response. Like the response span it is built lazily, with the start time it had, on first use (the
 * response's spans, at its end) or at the turn's end: speech start, speech stop and commit are on the audio path,
 * so until then the turn keeps only its marks. Lifecycle: marks only → span built → {@link #end} once (later calls
 * do nothing).
 */
final class TurnSpan {
    private record Mark(String name, long atNanos) {
    }

    private final Tracer tracer;
    private final Context parent;
    private final TraceClock clock;
    private final long startNanos;
    private final String sessionId;
    private final int index;
    private final String variant;
    private List<Mark> marks = new ArrayList<>(2);
    private Span span;
    private Context context;
    private String itemId;
    private boolean committed;
    private boolean ended;

    TurnSpan(Tracer tracer, Context parent, TraceClock clock, long startNanos, String sessionId, int index,
             String variant) {
        this.tracer = tracer;
        this.parent = parent;
        this.clock = clock;
        this.startNanos = startNanos;
        this.sessionId = sessionId;
        this.index = index;
        this.variant = variant;
    }

    /** The span, built on first use with the turn's start time, its item and the events marked so far. */
    Span span() {
        if (span == null) {
            span = tracer.spanBuilder("parley.turn").setParent(parent)
                    .setStartTimestamp(clock.epochNanos(startNanos), TimeUnit.NANOSECONDS)
                    .setAttribute(SessionTrace.SESSION_ID, sessionId)
                    .setAttribute("parley.turn.index", index)
                    .setAttribute("parley.variant", variant)
                    .startSpan();
            if (itemId != null) {
                span.setAttribute(SessionTrace.ITEM_ID, itemId);
            }
            for (Mark m : marks) {
                span.addEvent(m.name(), clock.epochNanos(m.atNanos()), TimeUnit.NANOSECONDS);
            }
            marks = null;
            context = Context.root().with(span);
        }
        return span;
    }

    Context context() {
        span();
        return context;
    }

    String itemId() {
        return itemId;
    }

    boolean committed() {
        return committed;
    }

    void speechStarted(String item, long atNanos) {
        item(item);
        event("speech_started", atNanos);
    }

    void committed(String item) {
        committed = true;
        item(item);
    }

    private void item(String item) {
        if (item != null && itemId == null) {
            itemId = item;
            if (span != null) {
                span.setAttribute(SessionTrace.ITEM_ID, item);
            }
        }
    }

    void event(String name, long atNanos) {
        if (span == null) {
            marks.add(new Mark(name, atNanos));
        } else {
            span.addEvent(name, clock.epochNanos(atNanos), TimeUnit.NANOSECONDS);
        }
    }

    void end(long atNanos) {
        if (!ended) {
            ended = true;
            span().end(clock.epochNanos(atNanos), TimeUnit.NANOSECONDS);
        }
    }
}
