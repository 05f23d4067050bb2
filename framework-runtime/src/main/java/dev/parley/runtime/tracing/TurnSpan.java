package dev.parley.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * One turn's span: opened by the user's speech or commit (or by a response nothing spoken asked for), ended with
 * its response. Lifecycle: open → {@link #end} once (later calls do nothing).
 */
final class TurnSpan {
    private final Span span;
    private final TraceClock clock;
    private final Context context;
    private String itemId;
    private boolean committed;
    private boolean ended;

    TurnSpan(Span span, TraceClock clock) {
        this.span = span;
        this.clock = clock;
        this.context = Context.root().with(span);
    }

    Span span() {
        return span;
    }

    Context context() {
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
            span.setAttribute(SessionTrace.ITEM_ID, item);
        }
    }

    void event(String name, long atNanos) {
        span.addEvent(name, clock.epochNanos(atNanos), TimeUnit.NANOSECONDS);
    }

    void end(long atNanos) {
        if (!ended) {
            ended = true;
            span.end(clock.epochNanos(atNanos), TimeUnit.NANOSECONDS);
        }
    }
}
