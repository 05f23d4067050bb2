/**
 * How much trailing silence ends the user's turn ({@link dev.parley.runtime.input.turn.EndOfTurnPolicy}: fixed for
 * server_vad, scored by the turn detector within {@link dev.parley.runtime.input.turn.Eagerness} bounds for
 * semantic_vad, chosen by {@link dev.parley.runtime.input.turn.TurnPolicies}), and when to ask the recogniser for a
 * speculative final before that silence is over ({@link dev.parley.runtime.input.turn.EarlyFinalPolicy}).
 */
package dev.parley.runtime.input.turn;
