package dev.parley.runtime.realtime;

import dev.parley.runtime.pipeline.Pipeline;

/** Opens a {@link SessionTap} for each new session of a server (metrics, traces; later recording). */
@FunctionalInterface
public interface SessionTaps {
    SessionTaps NONE = (transport, identity, pipeline) -> SessionTap.NONE;

    /**
     * @param transport how the client is connected, e.g. {@code websocket}
     * @param identity  the session's id, pipeline and variant
     * @param pipeline  the pipeline it starts on
     */
    SessionTap open(String transport, SessionIdentity identity, Pipeline pipeline);

    /** Opens every one of {@code taps} for each session (metrics, then traces, ...). */
    static SessionTaps all(SessionTaps... taps) {
        java.util.List<SessionTaps> live = java.util.Arrays.stream(taps).filter(t -> t != null && t != NONE).toList();
        if (live.isEmpty()) {
            return NONE;
        }
        if (live.size() == 1) {
            return live.get(0);
        }
        return (transport, identity, pipeline) -> new SessionTapGroup(live.stream()
                .map(t -> t.open(transport, identity, pipeline)).toArray(SessionTap[]::new));
    }
}
