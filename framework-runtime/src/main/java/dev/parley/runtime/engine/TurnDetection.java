package dev.parley.runtime.engine;

/**
 * The session's {@code turn_detection} settings, validated. A null {@code TurnDetection} means manual mode
 * (the client commits and asks for responses itself).
 *
 * @param type              server_vad or semantic_vad
 * @param threshold         0–1 VAD activation level (server_vad)
 * @param prefixPaddingMs   audio kept before detected speech start
 * @param silenceDurationMs silence that ends a turn (server_vad)
 * @param idleTimeoutMs     server_vad: fire {@code timeout_triggered} after this much silence following a response;
 *                          null for never
 * @param createResponse    start a response automatically when a turn ends
 * @param interruptResponse cancel the active response when the user starts speaking
 * @param eagerness         semantic_vad: low, medium, high or auto
 */
public record TurnDetection(Type type, double threshold, int prefixPaddingMs, int silenceDurationMs,
                            Integer idleTimeoutMs, boolean createResponse, boolean interruptResponse,
                            String eagerness) {
    public enum Type { SERVER_VAD, SEMANTIC_VAD }

    /**
     * The engine's starting point before a session configures it: VAD turns with barge-in (transports replace it
     * with their own settings, e.g. the OpenAI facade's server_vad defaults, before any audio).
     */
    public static final TurnDetection DEFAULT = new TurnDetection(Type.SERVER_VAD, 0.5, 300, 200, null, true, true,
            "auto");
}
