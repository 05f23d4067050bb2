package dev.parley.runtime.realtime;

import dev.parley.runtime.pipeline.Pipeline;

/** Opens a {@link SessionTap} for each new session of a server (metrics; later traces and recording). */
@FunctionalInterface
public interface SessionTaps {
    SessionTaps NONE = (transport, identity, pipeline) -> SessionTap.NONE;

    /**
     * @param transport how the client is connected, e.g. {@code websocket}
     * @param identity  the session's id, pipeline and variant
     * @param pipeline  the pipeline it starts on
     */
    SessionTap open(String transport, SessionIdentity identity, Pipeline pipeline);
}
