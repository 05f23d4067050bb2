package dev.parley.runtime.engine.response;

import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.engine.ResponseListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The response's deliveries to its listener, on the actor. Streaming (overlapped) responses deliver at once;
 * turn-based responses ({@code overlap: false}) hold everything until {@link #release()} so each stage finishes
 * before the client sees anything — the same output, for the latency comparison.
 */
final class ResponseOutput implements AudioDeltaPacer.Sink {
    private final ResponseListener listener;
    private final List<Runnable> held;
    private final ProductionGate gate;

    /** @param gate told of the audio delivered (the lead it bounds) */
    ResponseOutput(ResponseListener listener, boolean deferred, ProductionGate gate) {
        this.listener = listener;
        this.held = deferred ? new ArrayList<>() : null;
        this.gate = gate;
    }

    @Override
    public void text(String delta) {
        deliver(() -> listener.textDelta(delta));
    }

    @Override
    public void audio(byte[] wire, long durationMs) {
        gate.delivered(durationMs);
        deliver(() -> listener.audioDelta(wire, durationMs));
    }

    void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        deliver(() -> listener.toolCallDelta(index, callId, name, argumentsDelta));
    }

    void toolCall(int index, ToolCall call) {
        deliver(() -> listener.toolCall(index, call));
    }

    /** Delivers everything held (turn-based mode). */
    void release() {
        if (held != null) {
            for (Runnable r : held) {
                r.run();
            }
            held.clear();
        }
    }

    private void deliver(Runnable r) {
        if (held != null) {
            held.add(r);
        } else {
            r.run();
        }
    }
}
