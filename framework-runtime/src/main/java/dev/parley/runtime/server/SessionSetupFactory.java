package dev.parley.runtime.server;

import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.realtime.ProtocolException;
import dev.parley.runtime.realtime.SessionConfig;
import dev.parley.runtime.realtime.SessionConfigReader;
import dev.parley.runtime.realtime.SessionDefaults;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionSetup;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new session's starting point: protocol defaults, then the pipeline's {@code session:} block, then
 * the settings bound to the ephemeral key it used, then {@code ?model=}.
 */
final class SessionSetupFactory {
    private static final Logger log = LoggerFactory.getLogger(SessionSetupFactory.class);
    /** Sessions are announced as lasting an hour, like OpenAI's. */
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(60);

    private final Clock clock;

    SessionSetupFactory(Clock clock) {
        this.clock = clock;
    }

    /** Defaults for a session of this type before any pipeline is known (used when minting keys). */
    static SessionConfig base(boolean transcription) {
        SessionConfig.Builder c = new SessionConfig().toBuilder();
        c.type = transcription ? SessionConfig.Type.TRANSCRIPTION : SessionConfig.Type.REALTIME;
        return c.build();
    }

    SessionSetup create(String sessionId, ConnectRequest req, Pipeline pipeline, EphemeralKey key) {
        SessionConfig c = SessionDefaults.apply(base(req.transcriptionIntent()), pipeline.session());
        if (key != null && key.session() != null) {
            try {
                c = key.sessionShape() == Dialect.BETA
                        ? SessionConfigReader.applyBeta(c, key.session(), "session", false)
                        : SessionConfigReader.applyGa(c, key.session(), "session");
            } catch (ProtocolException e) {
                // validated when minted; a type mismatch (key for realtime, connect with intent) lands here
                log.warn("Session {}: settings bound to the ephemeral key not applied: {}", sessionId, e.getMessage());
            }
        }
        if (req.model() != null && !req.model().isBlank()) {
            SessionConfig.Builder withModel = c.toBuilder();
            withModel.model = req.model();
            c = withModel.build();
        }
        SessionIdentity id = new SessionIdentity(sessionId,
                clock.instant().plus(SESSION_LIFETIME).getEpochSecond(), pipeline.name(), pipeline.variant());
        return new SessionSetup(req.dialect(), id, c);
    }
}
