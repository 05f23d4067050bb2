package dev.parley.api.turn;

/**
 * Scores how finished an utterance sounds from its words alone. The runtime combines the score with the length
 * of the silence so far: a complete-sounding utterance ends the turn sooner, an unfinished one waits longer.
 * Thread-safe; called often (on every silent frame), so it must be cheap (microseconds).
 */
public interface TurnDetector extends AutoCloseable {
    /**
     * @param transcript the user's words so far in this turn (a partial or final transcript; may be empty)
     * @return probability in [0, 1] that the user has finished speaking
     */
    double endOfTurnProbability(String transcript);

    @Override
    default void close() {
    }
}
