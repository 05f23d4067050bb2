/**
 * The OpenAI Realtime facade: a translator between the protocol's JSON (GA or beta dialect) and the
 * transport-neutral conversation core ({@code dev.parley.runtime.conversation}). "Catalog §n" in this package's
 * docs is section n of the wire-protocol catalog, {@code docs/protocol-catalog.md}.
 * {@link dev.parley.runtime.realtime.RealtimeSession} validates client events (keeping the protocol's error codes,
 * messages and {@code param} paths) and hands them to the core as {@code Command}s; the core's
 * {@code ConversationEvent}s are written as server events by {@code OpenAiEventWriter} and
 * {@code ResponseEventWriter}, in the order the protocol catalog (§5) prescribes; the core's refusals become
 * {@code error} events through {@code RefusalErrors}. OpenAI's names, defaults and the session object
 * ({@link dev.parley.runtime.realtime.SessionConfig}) live here, not in the core.
 *
 * <p>Threading: a session is driven only from its {@link dev.parley.runtime.engine.SessionActor}; nothing here
 * locks. Configuration is validated on a copy and swapped in whole once the core accepted it. The measured fast
 * paths are {@code AppendEventReader} (appends parsed straight from the frame's bytes) and
 * {@code EventEmitter.sendAudioDelta} (audio deltas written without a JSON tree).
 */
package dev.parley.runtime.realtime;
