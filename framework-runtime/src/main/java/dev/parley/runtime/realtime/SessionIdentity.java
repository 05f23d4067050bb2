package dev.parley.runtime.realtime;

/**
 * The read-only part of a session object.
 *
 * @param id        {@code sess_…}
 * @param expiresAt unix seconds
 * @param pipeline  the pipeline name (extension field {@code session.parley.pipeline})
 * @param variant   the router variant, or null
 */
public record SessionIdentity(String id, long expiresAt, String pipeline, String variant) {
}
