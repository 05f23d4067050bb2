/**
 * The response path of a session ({@link dev.parley.runtime.engine.response.DefaultResponseGenerator}): LLM token
 * stream → {@link dev.parley.runtime.engine.response.ClauseChunker} (a short first clause, then clause/sentence
 * boundaries, never mid-word) → TTS per clause in order with one clause synthesized ahead → resample and encode to
 * the output format on the TTS thread → {@link dev.parley.runtime.engine.response.AudioDeltaPacer} (20 ms first
 * delta, then 60 ms; each clause's transcript released just before the delta holding its first audio). Text-only
 * responses pass LLM deltas straight through; tool calls are forwarded after the speech that preceded them and are
 * never spoken. With {@code overlap: false} the same components run turn-based: the whole LLM answer, then each
 * clause's synthesis in turn, then everything is delivered.
 *
 * <p>All response state lives on the session actor, so {@code cancel()} (on the actor) stops the LLM stream and
 * every synthesis at once and guarantees that nothing more is delivered. Failures: an LLM error becomes
 * {@code failed("llm_<kind>")}, a TTS error {@code failed("tts_error")}, a synthesis silent for
 * {@link dev.parley.runtime.engine.response.ResponseSettings#ttsTimeoutMs()} (default 10 s)
 * {@code failed("tts_timeout")}. Stage marks: LLM_REQUEST, LLM_FIRST_TOKEN, FIRST_CLAUSE, TTS_FIRST_AUDIO.
 */
package dev.parley.runtime.engine.response;
