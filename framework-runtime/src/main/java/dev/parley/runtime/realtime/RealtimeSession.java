package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.Command;
import dev.parley.runtime.conversation.ConversationCore;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.conversation.VariantSwitcher;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenAI Realtime session: the facade that translates between the protocol and the {@link ConversationCore}.
 * Client event texts are validated and become {@link Command}s; the core's events become server events through
 * an {@link OpenAiEventWriter} to an {@link EventSink}. This class owns the protocol's session object (its
 * {@link SessionConfig} and {@link SessionIdentity}). Every method must be called on the session's
 * {@link SessionActor}. Lifecycle: {@link #open} (engine opened, {@code session.created} sent) → any number of
 * {@link #onText} → {@link #close}.
 */
public final class RealtimeSession {
    private static final Logger log = LoggerFactory.getLogger(RealtimeSession.class);

    private final EventEmitter out;
    private final ClientEventDecoder decoder;
    private final AppendEventReader appends = new AppendEventReader();
    private final ConversationCore core;
    private final OpenAiEventWriter writer;
    private final SessionCaps caps;
    private final ScheduledExecutorService timers;
    private final SessionActor actor;
    private final SessionTap tap;
    private final SinkReadiness readiness;
    private final ClientEventRouter router;
    private SessionIdentity identity;
    private ScheduledFuture<?> expiry;
    private SessionConfig config;
    /** A validated update the core is deciding on; it becomes {@link #config} when the core accepts it. */
    private SessionUpdates.SessionUpdate pendingUpdate;

    /**
     * @param timers   runs the bounded waits
     * @param limits   what the session may wait for and hold
     * @param observer told of completed turns, barge-ins and failures (experiment metrics)
     */
    public RealtimeSession(SessionSetup setup, EventSink sink, SessionActor actor, ScheduledExecutorService timers,
                           SessionLimits limits, SessionObserver observer) {
        this(setup, sink, actor, timers, limits, observer, SessionTap.NONE);
    }

    /** As above, with {@code tap} (metrics) subscribed to the core's events and told of errors sent and the end. */
    public RealtimeSession(SessionSetup setup, EventSink sink, SessionActor actor, ScheduledExecutorService timers,
                           SessionLimits limits, SessionObserver observer, SessionTap tap) {
        this.tap = tap == null ? SessionTap.NONE : tap;
        this.out = new EventEmitter(TappedSink.of(sink, this.tap), setup.dialect(), this.tap::errorSent);
        this.readiness = new SinkReadiness(sink);
        this.caps = limits.caps();
        this.timers = timers;
        this.actor = actor;
        this.identity = SessionExpiry.withExpiry(setup.identity(), caps.maxDuration());
        this.config = setup.config();
        this.decoder = new ClientEventDecoder(setup.dialect());
        this.core = new ConversationCore(Ids.conversation(), config.conversationSettings(), actor, timers,
                limits.transcriptWait(), limits.conversationAudioBytes(), caps.maxItems());
        this.writer = new OpenAiEventWriter(out, () -> identity);
        core.subscribe(writer);
        core.subscribe(this::sessionEvent);
        core.subscribe(new InFlightResponses(sink));
        core.subscribe(new ObserverBridge(observer == null ? SessionObserver.NONE : observer, () -> identity));
        core.subscribe(this.tap);
        this.router = new ClientEventRouter(core, new ClientEventRouter.SessionObject(
                () -> config, this::update, this::closeByClient), this.tap);
        this.tap.tracing(TraceRequest.of(config.tracing()));
    }

    public String id() {
        return identity.id();
    }

    /**
     * Opens the engine and greets the client. When the engine cannot be opened the client gets a
     * {@code server_error} and the connection closes with 1011.
     */
    public void open(SessionEngineFactory engines, Pipeline pipeline) {
        open(engines, pipeline, null);
    }

    /**
     * As {@link #open(SessionEngineFactory, Pipeline)}, with a way to switch to another variant of the pipeline
     * between turns ({@code session.parley.variant}); {@code switcher} may be null.
     */
    public void open(SessionEngineFactory engines, Pipeline pipeline, VariantSwitcher switcher) {
        try {
            core.open(engines, pipeline, switcher, readiness);
        } catch (RuntimeException e) {
            log.error("Session {}: cannot open the session engine: {}", id(), e.toString());
            out.error("server_error", "session_engine_unavailable", null,
                    "The server could not start this session's pipeline: " + e.getMessage(), null);
            out.close(1011, "server_error.session_engine_unavailable");
            return;
        }
        sendSession("session.created");
        if (out.dialect() == Dialect.BETA) {
            out.send(new ServerEvent.ConversationCreated(out.type("conversation.created"), Ids.event(),
                    new ServerEvent.ConversationRef(core.conversationId(), "realtime.conversation")));
        }
        Duration max = caps.maxDuration();
        if (!max.isZero()) {
            expiry = SessionExpiry.scheduleWeakly(timers, this, max, s -> s.actor.execute(() -> s.expire(max)));
        }
    }

    /** The maximum duration has passed (as OpenAI's 60 minutes): say so, stop responses, close. */
    private void expire(Duration max) {
        if (!open()) {
            return;
        }
        log.info("Session {}: maximum duration of {} reached; closing", id(), max);
        out.error("invalid_request_error", "session_expired", null, "Your session hit the maximum duration of "
                + SessionExpiry.describe(max) + ".", null);
        close();
        out.close(1000, "invalid_request_error.session_expired");
    }

    private boolean open() {
        return core.phase() == ConversationCore.Phase.OPEN;
    }

    /** One text frame from the client. Any mistake in it becomes an {@code error} event; the session goes on. */
    public void onText(String text) {
        if (!open()) {
            return;
        }
        tap.clientText(text);
        ObjectNode node = null;
        try {
            node = decoder.parse(text);
            caps.check(node);
            ClientEvent event = decoder.validate(node);
            writer.handling(event.eventId());
            router.route(event);
        } catch (ProtocolException e) {
            log.debug("Session {}: client error {}: {}", id(), e.code(), e.getMessage());
            out.error(e, node == null ? null : ClientEventDecoder.eventIdOf(node));
        } catch (RuntimeException e) {
            log.error("Session {}: failed to handle {}", id(), node == null ? "frame" : node.path("type"), e);
            out.error("server_error", "internal_error", null, "The server failed to handle this event: " + e,
                    node == null ? null : ClientEventDecoder.eventIdOf(node));
        } finally {
            writer.handling(null);
            pendingUpdate = null;
        }
    }

    /**
     * One text frame as the transport received it (UTF-8). Audio appends take a fast path that decodes them
     * straight from the bytes; everything else, and every append with a mistake in it, goes through
     * {@link #onText(String)}, so errors are reported exactly as there.
     */
    public void onText(byte[] utf8) {
        if (!tryAudioAppend(utf8)) {
            onText(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    /**
     * Handles {@code utf8} if it is a well-formed {@code input_audio_buffer.append} (or the session is no longer
     * open, so there is nothing to do) and returns true; returns false, doing nothing, for any other frame,
     * which the caller then passes to {@link #onText(byte[])}. Short and non-blocking: the transport may call it
     * on its I/O thread.
     */
    public boolean tryAudioAppend(byte[] utf8) {
        if (!open()) {
            return true;
        }
        byte[] audio = appends.read(utf8);
        if (audio == null) {
            return false;
        }
        tap.clientAudio(audio);
        try {
            core.handle(new Command.AppendAudio(audio));
        } catch (RuntimeException e) {
            log.error("Session {}: failed to handle input_audio_buffer.append", id(), e);
            out.error("server_error", "internal_error", null, "The server failed to handle this event: " + e,
                    appends.eventId());
        }
        return true;
    }

    /**
     * Input audio that arrived outside an event (a WebRTC call's decoded microphone track), in the session's
     * input format; the same {@link Command.AppendAudio} an {@code input_audio_buffer.append} becomes.
     */
    public void appendAudio(byte[] audio) {
        if (open() && audio.length > 0) {
            core.handle(new Command.AppendAudio(audio));
        }
    }

    /**
     * The transport played only {@code audioEndMs} of an assistant item's audio before it was cut (a WebRTC
     * barge-in or {@code output_audio_buffer.clear}): the core's server-made truncation
     * ({@link Command.TruncateToPlayed}), which, unlike the client's {@code conversation.item.truncate}, also
     * takes an item still being generated. On the actor; may run inside the core's event dispatch.
     */
    public void truncatePlayed(String itemId, long audioEndMs) {
        if (open() && itemId != null) {
            core.handle(new Command.TruncateToPlayed(itemId, audioEndMs));
        }
    }

    /** A binary frame: not part of the protocol; reported, the connection stays. */
    public void onBinaryFrame() {
        if (open()) {
            out.error("invalid_request_error", "invalid_event", null,
                    "Expected a text WebSocket message; binary frames are not supported.", null);
        }
    }

    /** A frame over the transport's size limit: reported, then the connection closes (1009). */
    public void onOversizeFrame(long limitBytes) {
        if (core.phase() == ConversationCore.Phase.CLOSED) {
            return;
        }
        out.error("invalid_request_error", "message_too_large", null, "The WebSocket message exceeds the "
                + "maximum of " + limitBytes + " bytes; the connection will be closed. Send audio in chunks of "
                + "at most 15 MiB (before base64).", null);
        close();
        out.close(1009, "invalid_request_error.message_too_large");
    }

    /** The connection is gone: stop responses and the engine. Idempotent. */
    public void close() {
        if (expiry != null) {
            expiry.cancel(false);
        }
        core.handle(new Command.Close());
        tap.closed();
    }

    /** {@code session.close}: confirmed, then the session ends and the connection closes normally. */
    private void closeByClient() {
        out.send(new ServerEvent.Bare(out.type("session.closed"), Ids.event()));
        close();
        out.close(1000, "session.closed");
    }

    private void update(SessionUpdates.SessionUpdate update) {
        pendingUpdate = update;
        core.handle(new Command.UpdateSettings(update.next().conversationSettings(), update.voiceForced(),
                update.variant()));
    }

    /** The session object's events: an accepted update and a variant switch are confirmed with the session. */
    private void sessionEvent(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.SettingsChanged c when pendingUpdate != null -> {
                boolean tracingChanged = !java.util.Objects.equals(config.tracing(), pendingUpdate.next().tracing());
                config = pendingUpdate.next();
                if (tracingChanged) {
                    tap.tracing(TraceRequest.of(config.tracing()));
                }
                sendSession(pendingUpdate.replyType());
                pendingUpdate = null;
            }
            case ConversationEvent.VariantSwitched v -> {
                identity = new SessionIdentity(identity.id(), identity.expiresAt(), v.pipeline(), v.variant());
                sendSession(config.type() == SessionConfig.Type.REALTIME ? "session.updated"
                        : "transcription_session.updated");
            }
            default -> { }
        }
    }

    private void sendSession(String type) {
        out.send(new ServerEvent.Session(out.type(type), Ids.event(),
                SessionConfigWriter.write(config, identity, out.dialect())));
    }
}
