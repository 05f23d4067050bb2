package dev.parley.runtime.input.turn;

/**
 * Decides how much trailing silence ends the user's turn, given what they have said so far. Called by the input
 * path on silent frames after speech, so it must be cheap.
 */
public interface EndOfTurnPolicy {
    /** @return milliseconds of silence after which the turn is over */
    long requiredSilenceMs(String transcriptSoFar);
}
