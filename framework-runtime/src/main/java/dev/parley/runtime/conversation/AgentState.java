package dev.parley.runtime.conversation;

/**
 * The agent side, for the response writing to the conversation: {@code IDLE} (none) → {@code THINKING} (started:
 * waiting for transcripts or the model, nothing sent yet) → {@code SPEAKING} (its first text or audio went out)
 * → {@code IDLE} when it ends. A barge-in with false-interruption resume on goes to {@code HELD_FOR_VERDICT}
 * instead: the answer ended for the client, but its text generation is kept running until the interruption is
 * judged; a false one resumes ({@code THINKING}), a real one cancels the held generation ({@code IDLE}).
 * Transitions happen only in {@link TurnStates}.
 */
public enum AgentState { IDLE, THINKING, SPEAKING, HELD_FOR_VERDICT }
