package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One protocol session, transport-neutral: client event texts in, server events out through an
 * {@link EventSink}. Every method must be called on the session's {@link SessionActor} — the transport posts
 * frames there — so the session's state needs no locks. Lifecycle: {@link #open} (engine opened,
 * {@code session.created} sent) → any number of {@link #onText} → {@link #close}.
 */
public final class RealtimeSession {
    private static final Logger log = LoggerFactory.getLogger(RealtimeSession.class);
    /** How long a response that follows a voice turn waits for the turn's final transcript. */

    private final SessionContext ctx;
    private final ClientEventDecoder decoder;
    private final AppendEventReader appends = new AppendEventReader();
    private final ResponseCoordinator responses;
    private final VoiceInput voice;
    private final ConversationCommands items;
    private final SessionUpdates updates;
    private final PipelineSwitch pipelineSwitch;

    /**
     * @param timers         runs the bounded transcript wait
     * @param limits         what the session may wait for and hold
     * @param observer       told of completed turns, barge-ins and failures (experiment metrics)
     */
    public RealtimeSession(SessionSetup setup, EventSink sink, SessionActor actor, ScheduledExecutorService timers,
                           SessionLimits limits, SessionObserver observer) {
        EventEmitter out = new EventEmitter(sink, setup.dialect());
        this.ctx = new SessionContext(out, setup.identity(), setup.config(), actor, timers, limits,
                observer == null ? SessionObserver.NONE : observer);
        this.decoder = new ClientEventDecoder(setup.dialect());
        this.responses = new ResponseCoordinator(ctx);
        this.voice = new VoiceInput(ctx, responses, new FalseInterruptionPolicy(ctx, responses));
        this.items = new ConversationCommands(ctx);
        this.pipelineSwitch = new PipelineSwitch(ctx, voice);
        this.updates = new SessionUpdates(ctx, pipelineSwitch);
        ctx.turnBoundary = () -> pipelineSwitch.atTurnBoundary(!responses.conversationBusy() && !ctx.userSpeaking);
    }

    public String id() {
        return ctx.identity.id();
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
        pipelineSwitch.attach(engines, switcher);
        try {
            ctx.engine = engines.open(pipeline, ctx.actor, voice);
            ctx.engine.input().configure(ctx.inputSettings());
        } catch (RuntimeException e) {
            log.error("Session {}: cannot open the session engine: {}", id(), e.toString());
            ctx.out.error("server_error", "session_engine_unavailable", null,
                    "The server could not start this session's pipeline: " + e.getMessage(), null);
            ctx.phase = SessionContext.Phase.CLOSED;
            ctx.out.close(1011, "server_error.session_engine_unavailable");
            return;
        }
        ctx.phase = SessionContext.Phase.OPEN;
        ObjectNode created = ctx.out.event("session.created");
        created.set("session", SessionConfigWriter.write(ctx.config, ctx.identity, ctx.out.dialect()));
        ctx.out.send(created);
        if (ctx.out.dialect() == Dialect.BETA) {
            ObjectNode conv = ctx.out.event("conversation.created");
            conv.putObject("conversation").put("id", ctx.conversation.id()).put("object", "realtime.conversation");
            ctx.out.send(conv);
        }
    }

    /** One text frame from the client. Any mistake in it becomes an {@code error} event; the session goes on. */
    public void onText(String text) {
        if (ctx.phase != SessionContext.Phase.OPEN) {
            return;
        }
        ObjectNode node = null;
        try {
            node = decoder.parse(text);
            dispatch(decoder.validate(node));
        } catch (ProtocolException e) {
            log.debug("Session {}: client error {}: {}", id(), e.code(), e.getMessage());
            ctx.out.error(e, node == null ? null : ClientEventDecoder.eventIdOf(node));
        } catch (RuntimeException e) {
            log.error("Session {}: failed to handle {}", id(), node == null ? "frame" : node.path("type"), e);
            ctx.out.error("server_error", "internal_error", null,
                    "The server failed to handle this event: " + e, node == null ? null
                            : ClientEventDecoder.eventIdOf(node));
        }
    }

    /**
     * One text frame as the transport received it (UTF-8). Audio appends take a fast path that decodes them
     * straight from the bytes; everything else, and every append with a mistake in it, goes through
     * {@link #onText(String)}, so errors are reported exactly as there.
     */
    public void onText(byte[] utf8) {
        if (!tryAudioAppend(utf8)) {
            onText(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Handles {@code utf8} if it is a well-formed {@code input_audio_buffer.append} (or the session is no longer
     * open, so there is nothing to do) and returns true; returns false, doing nothing, for any other frame,
     * which the caller then passes to {@link #onText(byte[])}. Short and non-blocking: the transport may call it
     * on its I/O thread.
     */
    public boolean tryAudioAppend(byte[] utf8) {
        if (ctx.phase != SessionContext.Phase.OPEN) {
            return true;
        }
        byte[] audio = appends.read(utf8);
        if (audio == null) {
            return false;
        }
        try {
            voice.append(audio);
        } catch (ProtocolException e) {
            log.debug("Session {}: client error {}: {}", id(), e.code(), e.getMessage());
            ctx.out.error(e, appends.eventId());
        } catch (RuntimeException e) {
            log.error("Session {}: failed to handle input_audio_buffer.append", id(), e);
            ctx.out.error("server_error", "internal_error", null, "The server failed to handle this event: " + e,
                    appends.eventId());
        }
        return true;
    }

    /** A binary frame: not part of the protocol; reported, the connection stays. */
    public void onBinaryFrame() {
        if (ctx.phase == SessionContext.Phase.OPEN) {
            ctx.out.error("invalid_request_error", "invalid_event", null,
                    "Expected a text WebSocket message; binary frames are not supported.", null);
        }
    }

    /** A frame over the transport's size limit: reported, then the connection closes (1009). */
    public void onOversizeFrame(long limitBytes) {
        if (ctx.phase == SessionContext.Phase.CLOSED) {
            return;
        }
        ctx.out.error("invalid_request_error", "message_too_large", null, "The WebSocket message exceeds the "
                + "maximum of " + limitBytes + " bytes; the connection will be closed. Send audio in chunks of "
                + "at most 15 MiB (before base64).", null);
        close();
        ctx.out.close(1009, "invalid_request_error.message_too_large");
    }

    /** The connection is gone: stop responses and the engine. Idempotent. */
    public void close() {
        if (ctx.phase == SessionContext.Phase.CLOSED) {
            return;
        }
        ctx.phase = SessionContext.Phase.CLOSED;
        responses.closeAll();
        if (ctx.engine != null) {
            try {
                ctx.engine.close();
            } catch (RuntimeException e) {
                log.warn("Session {}: engine close failed: {}", id(), e.toString());
            }
        }
    }

    private void dispatch(ClientEvent e) {
        ObjectNode body = e.body();
        switch (e.type()) {
            case "session.update" -> updates.update(body);
            case "transcription_session.update" -> updates.updateTranscription(body);
            case "input_audio_buffer.append" -> voice.append(body);
            case "input_audio_buffer.commit" -> voice.commit();
            case "input_audio_buffer.clear" -> voice.clear();
            case "conversation.item.create" -> items.create(body);
            case "conversation.item.retrieve" -> items.retrieve(body);
            case "conversation.item.delete" -> items.delete(body);
            case "conversation.item.truncate" -> items.truncate(body);
            case "response.create" -> {
                ObjectNode r = body.hasNonNull("response") ? Fields.object(body.get("response"), "response")
                        : EventEmitter.MAPPER.createObjectNode();
                responses.create(ResponseOptionsReader.read(r, ctx.config, ctx.conversation));
            }
            case "response.cancel" -> responses.cancel(Fields.optString(body, "response_id", ""));
            case "session.close" -> {
                ctx.out.send(ctx.out.event("session.closed"));
                close();
                ctx.out.close(1000, "session.closed");
            }
            default -> throw new IllegalStateException("decoder accepted unhandled type " + e.type());
        }
    }
}
