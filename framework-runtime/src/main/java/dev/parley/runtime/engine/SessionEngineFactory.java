package dev.parley.runtime.engine;

import dev.parley.runtime.pipeline.Pipeline;

/** Opens the engine of a new session on an assembled pipeline. */
public interface SessionEngineFactory {
    /**
     * @param pipeline the session's pipeline (after routing)
     * @param actor    the session's serial executor: every listener call is made through it
     * @param input    receives the input path's events
     */
    SessionEngine open(Pipeline pipeline, SessionActor actor, InputListener input);
}
