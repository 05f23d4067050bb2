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

    /**
     * As {@link #open(Pipeline, SessionActor, InputListener)}, with the session's output readiness: a factory whose
     * responses can pause while the client does not read overrides this.
     */
    default SessionEngine open(Pipeline pipeline, SessionActor actor, InputListener input, OutputReadiness output) {
        return open(pipeline, actor, input);
    }
}
