package dev.parley.runtime.realtime;

import dev.parley.runtime.engine.OutputReadiness;

/** A transport's {@link EventSink} writability, as the engine's transport-neutral {@link OutputReadiness}. */
record SinkReadiness(EventSink sink) implements OutputReadiness {
    @Override
    public boolean ready() {
        return sink.writable();
    }

    @Override
    public void onChange(Runnable listener) {
        sink.onWritabilityChanged(listener);
    }
}
