package dev.parley.runtime.engine;

/**
 * The engine side of one session, as the protocol layer sees it: an input path and a response path, both
 * reporting on the session's actor. Other transports (WebRTC, gRPC) reuse it without the WebSocket code.
 */
public interface SessionEngine extends AutoCloseable {
    InputPipeline input();

    ResponseGenerator responses();

    @Override
    void close();
}
