package dev.parley.runtime.server;

import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.conversation.VariantSwitcher;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionLimits;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.realtime.SessionSetup;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.routing.RoutingException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What another transport (gRPC) needs of the server so its sessions are the server's sessions: the same key
 * checks, one admission (so {@code --max-sessions} counts every transport together), the same routing, setup,
 * actors, timers, metrics and drain. The WebSocket handshake does the same steps itself.
 */
public final class TransportAccess {
    /** Why a session was not let in. */
    public enum Refusal { MISSING_KEY, INVALID_KEY, KEY_USED_UP, DRAINING, SERVER_FULL, KEY_FULL }

    /** A session let in: its id and its place under the limits; {@link #release} once it has ended. */
    public static final class Ticket {
        private final String sessionId;
        private final EphemeralKey key;
        private final Admission.Ticket place;

        private Ticket(String sessionId, EphemeralKey key, Admission.Ticket place) {
            this.sessionId = sessionId;
            this.key = key;
            this.place = place;
        }

        public String sessionId() {
            return sessionId;
        }

        public void release() {
            place.release();
        }
    }

    /** A ticket, or why not and what to tell the client. */
    public record Decision(Ticket ticket, Refusal refusal, String message) {
    }

    /** Where a new session starts: its pipeline (variant) and its starting configuration. */
    public record Opened(Pipeline pipeline, SessionSetup setup) {
    }

    private final ServerContext ctx;
    private final javax.net.ssl.KeyManager[] tlsKeys;

    TransportAccess(ServerContext ctx, javax.net.ssl.KeyManager[] tlsKeys) {
        this.tlsKeys = tlsKeys;
        this.ctx = ctx;
    }

    /** The key check alone (for an interceptor that rejects a call before it starts). */
    public Refusal checkKey(String apiKey, InetAddress remote) {
        ApiKeyStore.Verdict v = ctx.keys().check(apiKey);
        if (v == ApiKeyStore.Verdict.ACCEPTED) {
            return null;
        }
        ctx.counters().failedLogins.increment();
        ctx.throttle().failedLogin(remote);
        ctx.failedLoginLog().record(v.name().toLowerCase(java.util.Locale.ROOT) + " API key from " + remote);
        return switch (v) {
            case MISSING -> Refusal.MISSING_KEY;
            case USED_UP -> Refusal.KEY_USED_UP;
            default -> Refusal.INVALID_KEY;
        };
    }

    /** Checks the key, takes a place under the server's and the key's limits, and claims an ephemeral key's use. */
    public Decision admit(String apiKey, InetAddress remote, AdmittedSession session) {
        Refusal bad = checkKey(apiKey, remote);
        if (bad != null) {
            return refused(bad);
        }
        ApiKeyStore keys = ctx.keys();
        Admission.Decision d = ctx.admission().admit(keys.keyId(apiKey), session);
        if (d.ticket() == null) {
            return refused(switch (d.refusal()) {
                case DRAINING -> Refusal.DRAINING;
                case SERVER_FULL -> Refusal.SERVER_FULL;
                case KEY_FULL -> Refusal.KEY_FULL;
            });
        }
        EphemeralKey ek = keys.ephemeral(apiKey);
        String sessionId = ek == null ? Ids.session() : keys.claim(ek);
        if (sessionId == null) {
            d.ticket().release();
            return refused(Refusal.KEY_USED_UP);
        }
        return new Decision(new Ticket(sessionId, ek, d.ticket()), null, null);
    }

    private Decision refused(Refusal r) {
        ServerLimits l = ctx.options().limits();
        String message = switch (r) {
            case MISSING_KEY -> "Missing bearer authentication: send metadata 'authorization: Bearer <key>'.";
            case INVALID_KEY -> "Incorrect API key provided.";
            case KEY_USED_UP -> "This ephemeral key has already opened its "
                    + ctx.options().keyPolicy().ephemeralUses() + " session(s); mint a new one.";
            case DRAINING -> "The server is shutting down and accepts no new sessions; try again (another "
                    + "instance will take it).";
            case SERVER_FULL -> "The server is at its limit of " + l.maxSessions() + " sessions; try again later.";
            case KEY_FULL -> "This API key is at its limit of " + l.maxSessionsPerKey()
                    + " concurrent sessions; close one or try again later.";
        };
        return new Decision(null, r, message);
    }

    /**
     * Routes the admitted session to a pipeline and builds its starting configuration, as the WebSocket does.
     *
     * @throws RoutingException the request names a variant that does not exist
     */
    public Opened open(Ticket t, ConnectRequest request) throws RoutingException {
        Pipeline pipeline = ctx.selector().select(new RoutingRequest(t.sessionId, request.userKey(),
                request.headers(), request.query(), Map.of()));
        return new Opened(pipeline, ctx.setups().create(t.sessionId, request, pipeline, t.key));
    }

    public VariantSwitcher switcher(String sessionId, Pipeline current) {
        return ctx.selector().switcher(sessionId, current);
    }

    /** The session's observers: metrics, traces when configured, its recording when on. */
    public SessionTap taps(String transport, SessionIdentity identity, Pipeline pipeline) {
        return ctx.openTap(transport, identity, pipeline, Map.of());
    }

    public SessionEngineFactory engines() {
        return ctx.engines();
    }

    public ExecutorService carrier() {
        return ctx.carrier();
    }

    public ScheduledExecutorService timers() {
        return ctx.timers();
    }

    public SessionLimits sessionLimits() {
        return ctx.options().sessionLimits();
    }

    public SessionObserver observer() {
        return ctx.observer();
    }

    /**
     * The key and certificate of the server's generated TLS ({@code --tls-self-signed}), for another transport's
     * TLS; empty with {@code --tls-cert} (use the files) or without TLS.
     */
    public java.util.Optional<javax.net.ssl.KeyManager[]> selfSignedKeys() {
        return java.util.Optional.ofNullable(tlsKeys);
    }

    public ServerOptions options() {
        return ctx.options();
    }

    public ServerInfo info() {
        return ctx.info();
    }

    /** A slow reader was cut (counted with the WebSocket's). */
    public void slowReaderClosed() {
        ctx.counters().slowReaderCloses.increment();
    }

    /** A session's queued output reached {@code bytes} (the server's peak, shared with the WebSocket's). */
    public void outputQueued(long bytes) {
        ctx.counters().peakQueuedOutputBytes.accumulate(bytes);
    }

    /** Whether {@code presented} is the configured admin key (none configured: never). */
    public boolean adminKeyAccepted(String presented) {
        String admin = ctx.options().keyPolicy().adminKey();
        return admin != null && presented != null && MessageDigest.isEqual(admin.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    public void drain(String why) {
        ctx.drain().start(why);
    }

    public ServerState state() {
        return ctx.admission().state();
    }

    /** Every live session of every transport (a snapshot). */
    public List<AdmittedSession> sessions() {
        return ctx.admission().liveSinks();
    }

    /** The live session with this id, or null. */
    public AdmittedSession session(String id) {
        for (AdmittedSession s : sessions()) {
            SessionSummary sum = s.summary();
            if (sum != null && Objects.equals(sum.id(), id)) {
                return s;
            }
        }
        return null;
    }
}
