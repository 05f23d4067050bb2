package dev.parley.runtime.server;

import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.routing.RoutingException;
import dev.parley.runtime.realtime.EventEmitter;
import dev.parley.runtime.realtime.RealtimeSession;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.SessionSetup;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted WebSocket connection: hands every frame to the session's actor, so Netty's event loop only does
 * I/O. The first actor task routes the session to a pipeline and opens it; frames queue behind it in order.
 */
final class RealtimeConnection {
    private static final Logger log = LoggerFactory.getLogger(RealtimeConnection.class);
    private static final int HIGH = 256;
    private static final int LOW = 32;

    private final Channel channel;
    private final ConnectRequest request;
    private final EphemeralKey key;
    private final ServerContext server;
    private final String sessionId;
    private final SessionActor actor;
    private final ChannelEventSink sink;
    /** Frames handed to the actor and not yet handled: reading pauses above HIGH and resumes below LOW. */
    private final AtomicInteger backlog = new AtomicInteger();
    private RealtimeSession session; // touched only on the actor
    /** A sideband connection ({@code ?call_id=}): frames go to that call's session instead of a new one. */
    private CallConnection call;

    /**
     * @param sessionId this session's own id (an ephemeral key's minted id goes to its first session only)
     * @param sink      the connection's output, already counted by {@link Admission}
     */
    RealtimeConnection(Channel channel, ConnectRequest request, EphemeralKey key, String sessionId,
                       ChannelEventSink sink, ServerContext server) {
        this.channel = channel;
        this.request = request;
        this.key = key;
        this.server = server;
        this.sink = sink;
        this.sessionId = sessionId;
        this.actor = new SessionActor(sessionId, server.carrier());
    }

    /** A sideband: this WebSocket joins {@code call}'s session rather than opening one. */
    RealtimeConnection attachedTo(CallConnection call) {
        this.call = call;
        return this;
    }

    void start() {
        if (call != null) {
            call.attach(sink);
            return;
        }
        actor.execute(() -> {
            Pipeline pipeline;
            SessionSetup setup;
            try {
                pipeline = server.selector().select(new RoutingRequest(sessionId, request.userKey(),
                        request.headers(), request.query(), Map.of()));
                setup = server.setups().create(sessionId, request, pipeline, key);
            } catch (RoutingException e) {
                // the client asked for a variant that does not exist: a request-shape problem (close 4000)
                log.info("Session {}: refused: {}", sessionId, e.getMessage());
                refuse("invalid_request_error", "invalid_variant", e.getMessage(), 4000);
                return;
            } catch (RuntimeException e) {
                log.error("Session {}: cannot be set up: {}", sessionId, e.getMessage());
                refuse("server_error", "session_setup_failed", "The server could not set up a session: "
                        + e.getMessage(), 1011);
                return;
            }
            session = new RealtimeSession(setup, sink, actor, server.timers(),
                    server.options().sessionLimits(), server.observer(),
                    server.openTap("websocket", setup.identity(), pipeline, request.query()));
            log.info("Session {} opened ({} dialect, pipeline {}{})", sessionId, setup.dialect(), pipeline.name(),
                    pipeline.variant() == null ? "" : " variant " + pipeline.variant());
            sink.describe(new SessionSummary(sessionId, "websocket", pipeline.name(), pipeline.variant(),
                    java.time.Instant.now(), () -> "OPEN"));
            session.open(server.engines(), pipeline, server.selector().switcher(sessionId, pipeline));
        });
    }

    /**
     * A text frame. A client that sends faster than its session handles (e.g. audio far faster than real time)
     * is slowed by TCP: reading stops while too many frames wait, so memory stays bounded.
     *
     * <p>An audio append (fifty a second per session, short CPU-only work: decode, resample, VAD, hand-off to
     * STT) runs right here on the event loop when the session's actor is idle, which saves a thread hand-off
     * (a carrier wake-up and a context switch) per append. Every other event, and every frame that arrives
     * while the actor is busy, runs on the actor's carrier as before, so nothing slow (opening a pipeline
     * variant, closing engines) runs on the event loop.
     */
    void text(byte[] text) {
        if (call != null) {
            call.onEvent(text);
            return;
        }
        if (backlog.incrementAndGet() >= HIGH && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
        if (!actor.runIfIdle(() -> appendOrQueue(text))) {
            actor.execute(() -> handle(text));
        }
    }

    /** On the event loop, holding the actor: an append is handled now; anything else is queued behind it. */
    private void appendOrQueue(byte[] text) {
        if (session == null || session.tryAudioAppend(text)) {
            frameDone();
        } else {
            actor.execute(() -> handle(text));
        }
    }

    private void handle(byte[] text) {
        try {
            if (session != null) {
                session.onText(text);
            }
        } finally {
            frameDone();
        }
    }

    private void frameDone() {
        if (backlog.decrementAndGet() <= LOW && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    void binary() {
        actor.execute(() -> {
            if (session != null) {
                session.onBinaryFrame();
            }
        });
    }

    void oversize(long limit) {
        actor.execute(() -> {
            if (session != null) {
                session.onOversizeFrame(limit);
            } else {
                channel.close();
            }
        });
    }

    ChannelEventSink sink() {
        return sink;
    }

    /** A text frame that is not UTF-8 (RFC 6455 §8.1): told, then closed 1007. */
    void invalidUtf8() {
        sink.send(ChannelEventSink.errorEvent("invalid_request_error", "invalid_utf8", "A text frame was not "
                + "valid UTF-8; the connection is closed (WebSocket close 1007)."));
        sink.close(1007, "invalid_request_error.invalid_utf8");
    }

    void closed() {
        if (call != null) {
            call.detach(sink);
            return;
        }
        actor.execute(() -> {
            if (session != null) {
                session.close();
                log.info("Session {} closed", sessionId);
            }
        });
    }

    private void refuse(String type, String code, String message, int closeCode) {
        sink.send(EventEmitter.connectionError(type, code, message));
        sink.close(closeCode, type + "." + code);
    }
}
