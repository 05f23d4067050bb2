/**
 * The conversation core, transport-neutral: turns, responses, barge-in, truncation and what was heard. It knows
 * nothing of JSON, OpenAI event names or sockets; a transport translates its wire into {@link
 * dev.parley.runtime.conversation.Command}s for {@link dev.parley.runtime.conversation.ConversationCore#handle}
 * and renders the {@link dev.parley.runtime.conversation.ConversationEvent}s it observes
 * ({@link dev.parley.runtime.conversation.ConversationObserver}); metrics, traces and recording observe the same
 * stream.
 *
 * <p>State has one owner each: {@code TurnStates} the named {@link dev.parley.runtime.conversation.UserState} and
 * {@link dev.parley.runtime.conversation.AgentState}; {@code Engines} the session engine and the variant switch;
 * {@code Responses} which response writes to the conversation (and the deferred turn); each
 * {@code ConversationResponse} its own lifecycle; {@code FalseInterruptions} the pending verdict; {@code VoiceTurns}
 * the utterance-to-item mapping; the core the settings ({@link dev.parley.runtime.conversation.ConversationSettings},
 * immutable, replaced whole). Everything runs on the session's {@link dev.parley.runtime.engine.SessionActor}.
 */
package dev.parley.runtime.conversation;
