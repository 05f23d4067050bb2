package dev.parley.runtime.realtime;

/**
 * How a new session starts: its dialect, identity and initial configuration (defaults, then the pipeline's
 * {@code session:} block, then any settings bound to the ephemeral key it connected with).
 */
public record SessionSetup(Dialect dialect, SessionIdentity identity, SessionConfig config) {
}
