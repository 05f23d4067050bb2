/**
 * The WebSocket transport: a Netty server for {@code GET /v1/realtime} and the ephemeral-key REST endpoints.
 * Entry point: {@link dev.parley.runtime.server.RealtimeServer#start}. Handlers, in chain order:
 * {@code RealtimeHandshakeHandler} (upgrade, credentials, dialect), {@code ClientSecretsHttpHandler} (ek_ keys),
 * {@code NotFoundHttpHandler}; after the upgrade {@code WebSocketKeepAliveHandler} (ping, idle close) and
 * {@code RealtimeFrameHandler} (frames to the session actor). Event loops do I/O only.
 */
package dev.parley.runtime.server;
