/**
 * The offline responder ({@code llm: rules}) of the {@code llm-rules} plugin: a handful of rules that greet, tell
 * the time, do simple arithmetic, spell words, tell short stories, call declared tools when asked and read their
 * results back. It is a rule-based responder and says so; it exists so the default pipeline answers with no network
 * and no model weights. Its answers stream word by word on a virtual thread so the rest of the pipeline is exercised
 * as with a real model.
 */
package dev.parley.plugins.rules;
