package dev.parley.runtime.engine;

/**
 * Whether the session's client is keeping up with what was sent, as the response path sees it: transport-neutral
 * (a WebSocket channel's writability, a gRPC stream's flow control, a data channel's buffered amount all map onto
 * it). While it is not {@link #ready()} a response stops producing (no new synthesis) instead of queueing output
 * for a client that does not read.
 */
public interface OutputReadiness {
    /** A sink that is always ready (in-process use, benchmarks). */
    OutputReadiness ALWAYS = new OutputReadiness() {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };

    /** False while the transport's output budget is used up. Any thread. */
    boolean ready();

    /** {@code listener} runs, on any thread, each time {@link #ready()} may have changed. */
    void onChange(Runnable listener);
}
