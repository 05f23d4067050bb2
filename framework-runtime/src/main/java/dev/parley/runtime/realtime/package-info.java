/**
 * The OpenAI Realtime protocol, transport-neutral: {@link dev.parley.runtime.realtime.RealtimeSession} turns
 * client event texts into calls on a session engine ({@code dev.parley.runtime.engine}) and the engine's
 * reports into server events, in the order the protocol catalog (§5) prescribes, in the GA or beta dialect.
 *
 * <p>Threading: a session is driven only from its {@link dev.parley.runtime.engine.SessionActor}; nothing here
 * locks. Configuration is validated on a copy and swapped in whole ({@link dev.parley.runtime.realtime.SessionConfig}).
 * Responses are small state machines ({@code ActiveResponse}: waiting for transcripts → generating → finished)
 * writing through {@code ResponseWriter}, which alone knows the event order.
 */
package dev.parley.runtime.realtime;
