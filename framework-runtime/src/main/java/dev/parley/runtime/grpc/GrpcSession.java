package dev.parley.runtime.grpc;

import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.runtime.conversation.AgentState;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.realtime.RealtimeSession;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.routing.RoutingException;
import dev.parley.runtime.server.SessionSummary;
import dev.parley.runtime.server.TransportAccess;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code Connect} stream: a {@link RealtimeSession} on its own actor, fed by the client's messages and writing
 * to a {@link GrpcEventSink}. Input is flow-controlled by hand: gRPC delivers at most {@link #WINDOW} messages
 * ahead of what the session has handled (one more is requested as each is handled), so a client sending faster
 * than its session works is held back by HTTP/2 flow control, as the WebSocket's autoRead holds back TCP.
 */
final class GrpcSession implements StreamObserver<ClientEvent> {
    private static final Logger log = LoggerFactory.getLogger(GrpcSession.class);
    /** Messages delivered ahead of the session: one second of 20 ms appends, the WebSocket's LOW watermark. */
    static final int WINDOW = 50;
    /** What the request parser yields for a message that is not a decodable {@code ClientEvent} (identity). */
    static final ClientEvent UNDECODABLE = ClientEvent.newBuilder().setType("parley.undecodable").build();

    private final TransportAccess access;
    private final ConnectMetadata md;
    private final ServerCallStreamObserver<ServerEvent> call;
    private final GrpcEventSink sink;
    private final AtomicBoolean ended = new AtomicBoolean();
    private TransportAccess.Ticket ticket;
    private SessionActor actor;
    private RealtimeSession session; // actor only
    private volatile AgentState agentState = AgentState.IDLE;

    GrpcSession(TransportAccess access, ConnectMetadata md, ServerCallStreamObserver<ServerEvent> call) {
        this.access = access;
        this.md = md;
        this.call = call;
        this.sink = new GrpcEventSink(call, new ProtoEventMapper("always".equals(md.request().headers()
                .get("x-parley-json"))), access.options().limits(), access.timers(), access::slowReaderClosed,
                access::outputQueued);
    }

    /** Admits the session and starts it; false (the call already closed with a status) when it is refused. */
    boolean start() {
        call.disableAutoRequest();
        TransportAccess.Decision d = access.admit(md.apiKey(), md.remote(), sink);
        if (d.ticket() == null) {
            Status s = switch (d.refusal()) {
                case SERVER_FULL, KEY_FULL -> Status.RESOURCE_EXHAUSTED;
                case DRAINING -> Status.UNAVAILABLE;
                default -> Status.UNAUTHENTICATED;
            };
            sink.abort(s.withDescription(d.message())); // ends the call and stops the sink's watchdog
            return false;
        }
        ticket = d.ticket();
        actor = new SessionActor(ticket.sessionId(), access.carrier());
        sink.onEnded(this::ended);
        actor.execute(this::open);
        call.request(WINDOW);
        return true;
    }

    private void open() {
        TransportAccess.Opened o;
        try {
            o = access.open(ticket, md.request());
        } catch (RoutingException e) {
            log.info("Session {}: refused: {}", ticket.sessionId(), e.getMessage());
            sink.send(GrpcEventSink.errorJson("invalid_request_error", "invalid_variant", e.getMessage()));
            sink.close(4000, "invalid_request_error.invalid_variant");
            return;
        } catch (RuntimeException e) {
            log.error("Session {}: cannot be set up: {}", ticket.sessionId(), e.getMessage());
            sink.send(GrpcEventSink.errorJson("server_error", "session_setup_failed",
                    "The server could not set up a session: " + e.getMessage()));
            sink.close(1011, "server_error.session_setup_failed");
            return;
        }
        if (ended.get()) {
            return;
        }
        SessionTap metrics = access.taps("grpc", o.setup().identity(), o.pipeline());
        session = new RealtimeSession(o.setup(), sink, actor, access.timers(), access.sessionLimits(),
                access.observer(), new StateTap(metrics));
        sink.describe(new SessionSummary(ticket.sessionId(), "grpc", o.pipeline().name(), o.pipeline().variant(),
                Instant.now(), () -> agentState.name()));
        log.info("Session {} opened over gRPC ({} dialect, pipeline {}{})", ticket.sessionId(), o.setup().dialect(),
                o.pipeline().name(), o.pipeline().variant() == null ? "" : " variant " + o.pipeline().variant());
        session.open(access.engines(), o.pipeline(), access.switcher(ticket.sessionId(), o.pipeline()));
    }

    @Override
    public void onNext(ClientEvent event) {
        if (event == UNDECODABLE) {
            sink.abort(Status.INVALID_ARGUMENT.withDescription("undecodable message: not a "
                    + "parley.realtime.v1.ClientEvent"));
            return;
        }
        byte[] json = ProtoEventMapper.toJson(event);
        actor.execute(() -> {
            try {
                if (session != null) {
                    session.onText(json);
                }
            } finally {
                call.request(1);
            }
        });
    }

    @Override
    public void onError(Throwable t) {
        // the client cancelled or the transport failed: the sink's cancel handler ends the session
        log.debug("Session {}: stream failed: {}", ticket == null ? "-" : ticket.sessionId(), t.toString());
    }

    @Override
    public void onCompleted() {
        if (actor != null) {
            actor.execute(sink::clientDone); // after the messages before it
        }
    }

    private void ended() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ticket.release();
        actor.execute(() -> {
            if (session != null) {
                session.close();
                log.info("Session {} closed (gRPC)", ticket.sessionId());
            }
        });
    }

    /** The metrics tap, plus the agent state the admin service lists. */
    private final class StateTap implements SessionTap {
        private final SessionTap next;

        StateTap(SessionTap next) {
            this.next = next;
        }

        @Override
        public void on(ConversationEvent event) {
            if (event instanceof ConversationEvent.AgentStateChanged c) {
                agentState = c.to();
            }
            next.on(event);
        }

        @Override
        public void errorSent(String code) {
            next.errorSent(code);
        }

        @Override
        public void closed() {
            next.closed();
        }
    }
}
