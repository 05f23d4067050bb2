package dev.parley.runtime.conversation;

/**
 * The user side of the turn: {@code LISTENING} (nobody speaking, no transcript outstanding) →
 * {@code USER_SPEAKING} (speech onset) → {@code AWAITING_TRANSCRIPT} (the utterance ended; its final transcript
 * is not in yet) → {@code LISTENING}. Clearing the input returns to {@code LISTENING} from anywhere. Transitions
 * happen only in {@link TurnStates}.
 */
public enum UserState { LISTENING, USER_SPEAKING, AWAITING_TRANSCRIPT }
