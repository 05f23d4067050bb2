package dev.parley.runtime.server;

import dev.parley.runtime.realtime.SessionTap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.EventEmitter;
import dev.parley.runtime.realtime.RealtimeSession;
import dev.parley.runtime.realtime.SessionSetup;
import dev.parley.runtime.webrtc.AudioPlayout;
import dev.parley.runtime.webrtc.CallListener;
import dev.parley.runtime.webrtc.PeerCall;
import dev.parley.runtime.webrtc.PlayoutListener;
import dev.parley.runtime.webrtc.WebRtcMedia;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC call as a transport adapter on a {@link RealtimeSession}, the same facade the WebSocket uses:
 * data channel messages go through the same decoder, the session's events come back as the same JSON (minus the
 * audio deltas), the microphone track feeds {@code AppendAudio}, the agent's audio plays on the track. Adds the
 * WebRTC-only events: {@code output_audio_buffer.started/stopped/cleared} from the playout, and the client's
 * {@code output_audio_buffer.clear}.
 */
final class CallConnection implements CallListener, PlayoutListener, CallTap.Cuts {
    private static final Logger log = LoggerFactory.getLogger(CallConnection.class);
    private static final byte[] CLEAR = "output_audio_buffer.clear".getBytes(StandardCharsets.UTF_8);

    private final String callId;
    private final ServerContext server;
    private final SessionActor actor;
    private final PeerCall call;
    private final Runnable onClosed;
    /** Sideband WebSockets ({@code /v1/realtime?call_id=}) attached to this call's session. */
    private final java.util.List<ChannelEventSink> sidebands = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final byte[] CANCEL = "{\"type\":\"response.cancel\"}".getBytes(StandardCharsets.UTF_8);
    /** Time for the going-away events to cross the data channel before the peer connection closes. */
    private static final java.time.Duration GOING_AWAY_FLUSH = java.time.Duration.ofMillis(300);
    private RealtimeSession session; // actor only
    private CallTap callTap; // actor only
    private volatile DataChannelEventSink sink;
    /** Responses whose {@code output_audio_buffer.started} went out and whose stopped/cleared has not yet. */
    private final java.util.Set<String> audible = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean goingAway = new java.util.concurrent.atomic.AtomicBoolean();

    CallConnection(String callId, String sessionId, ServerContext server, WebRtcMedia media, Runnable onClosed) {
        this.callId = callId;
        this.server = server;
        this.onClosed = onClosed;
        this.actor = new SessionActor(sessionId, server.carrier());
        this.call = new PeerCall(callId, media, this, this);
    }

    PeerCall call() {
        return call;
    }

    SessionActor actor() {
        return actor;
    }

    /** Opens the session on the actor; its first events wait in the call until the data channel opens. */
    void open(SessionSetup setup, Pipeline pipeline) {
        actor.execute(() -> {
            callTap = new CallTap(call.playout(), this);
            SessionTap tap = SessionTap.both(callTap,
                    server.openTap("webrtc", setup.identity(), pipeline, java.util.Map.of()));
            sink = new DataChannelEventSink(call, this::sendAll);
            session = new RealtimeSession(setup, sink, actor, server.timers(),
                    server.options().sessionLimits(), server.observer(), tap);
            log.info("Call {}: session {} opened (pipeline {}{})", callId, setup.identity().id(), pipeline.name(),
                    pipeline.variant() == null ? "" : " variant " + pipeline.variant());
            session.open(server.engines(), pipeline, server.selector().switcher(setup.identity().id(), pipeline));
        });
    }

    /**
     * Responses generating, plus the answer still playing on the track: a drain lets the caller hear the end of
     * the answer, not only its generation.
     */
    int responsesInFlight() {
        DataChannelEventSink s = sink;
        // audible covers the moment between the playout dropping a finished track and its stopped event going out
        return (s == null ? 0 : s.responsesInFlight()) + (call.playout().playing() || !audible.isEmpty() ? 1 : 0);
    }

    /**
     * Drain: once nothing is generating or playing (or {@code force}: a response still generating is cancelled,
     * so the client gets its {@code response.done}), the client is told over {@code oai-events} that the server
     * is going away and the call hangs up a moment later. The decision is made on the call's actor, where
     * responses start, so none can begin between the look and the go-away (a check off the actor raced one that
     * did: CI saw it cancelled as client_cancelled). Returns whether the call is already going away or closed;
     * otherwise the actor decides, and the drain asks again on its next tick.
     */
    boolean goAway(boolean force) {
        if (call.state() == dev.parley.runtime.webrtc.CallState.CLOSED || goingAway.get()) {
            return true;
        }
        actor.execute(() -> {
            if (goingAway.get() || (!force && responsesInFlight() > 0)) {
                return;
            }
            goingAway.set(true);
            DataChannelEventSink s = sink;
            if (session != null && s != null && s.responsesInFlight() > 0) {
                session.onText(CANCEL);
            }
            call.playout().clear();
            // queued behind the cancel's events on the actor, so the error comes after the response.done
            actor.execute(() -> {
                sendAll(ChannelEventSink.errorEvent("server_error", "server_shutting_down", "The server is "
                        + "shutting down; reconnect to continue (another instance will take the session).")
                        .getBytes(StandardCharsets.UTF_8));
                call.closeAfter(GOING_AWAY_FLUSH, "server shutting down");
            });
        });
        return false;
    }

    void closeByAdmin() {
        sendAll(ChannelEventSink.errorEvent("server_error", "session_closed", "An operator closed this session.")
                .getBytes(StandardCharsets.UTF_8));
        call.closeAfter(GOING_AWAY_FLUSH, "closed by an operator");
    }

    /** One server event to the data channel and to every attached sideband. */
    private void sendAll(byte[] json) {
        call.send(json);
        for (ChannelEventSink s : sidebands) {
            s.sendUtf8(json);
        }
    }

    /**
     * A backend's WebSocket joins this call's session (hybrid setups: WebRTC on the client, WebSocket on the
     * server): it sees the same events from now on and its events go to the same session.
     */
    void attach(ChannelEventSink sideband) {
        sidebands.add(sideband);
        log.info("Call {}: sideband WebSocket attached", callId);
    }

    void detach(ChannelEventSink sideband) {
        sidebands.remove(sideband);
    }

    /** A barge-in or a clear dropped queued audio: the client is told (on the actor). */
    @Override
    public void cleared(String responseId) {
        sendAll(bufferEvent("output_audio_buffer.cleared", responseId));
        audible.clear();
    }

    /**
     * The item is cut to what the client heard. Handed to the core at once, even inside its event dispatch of
     * the barge-in, so that no audio it makes after the cut reaches the track; the core posts the truncation.
     */
    @Override
    public void truncate(String itemId, long playedMs) {
        if (session != null) {
            session.truncatePlayed(itemId, playedMs);
        }
    }

    @Override
    public void onEvent(byte[] utf8) {
        if (indexOf(utf8, CLEAR) >= 0 && isClear(utf8)) {
            actor.execute(() -> {
                if (callTap != null) {
                    callTap.clear();
                }
            });
            return;
        }
        actor.execute(() -> {
            if (session != null) {
                session.onText(utf8);
            }
        });
    }

    private static boolean isClear(byte[] utf8) {
        try {
            JsonNode n = EventEmitter.MAPPER.readTree(utf8);
            return "output_audio_buffer.clear".equals(n.path("type").asText());
        } catch (java.io.IOException e) {
            return false; // not JSON: the session's decoder reports it
        }
    }

    @Override
    public void onMicrophone(byte[] pcm16) {
        actor.execute(() -> {
            if (session != null) {
                session.appendAudio(pcm16);
            }
        });
    }

    @Override
    public void onClosed(String why) {
        actor.execute(() -> {
            if (session != null) {
                session.close();
            }
        });
        for (ChannelEventSink s : sidebands) {
            s.close(1000, "call ended");
        }
        onClosed.run();
    }

    @Override
    public void started(String responseId) {
        audible.add(responseId);
        sendAll(bufferEvent("output_audio_buffer.started", responseId));
    }

    @Override
    public void stopped(String responseId) {
        sendAll(bufferEvent("output_audio_buffer.stopped", responseId));
        audible.remove(responseId);
    }

    private static byte[] bufferEvent(String type, String responseId) {
        var e = EventEmitter.MAPPER.createObjectNode().put("type", type).put("event_id", Ids.event())
                .put("response_id", responseId);
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
