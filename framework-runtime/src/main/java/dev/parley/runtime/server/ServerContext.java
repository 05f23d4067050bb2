package dev.parley.runtime.server;

import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.realtime.PipelineSelector;
import dev.parley.runtime.realtime.SessionObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of one server shares.
 *
 * @param options  listening options
 * @param selector routes each new session to a pipeline
 * @param engines  opens each session's engine
 * @param keys     accepted API keys and minted ephemeral keys
 * @param setups   builds each session's starting configuration
 * @param carrier  runs session actors (virtual threads)
 * @param timers   bounded waits inside sessions
 * @param observer told of turns, barge-ins and failures
 */
record ServerContext(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                     ApiKeyStore keys, SessionSetupFactory setups, ExecutorService carrier,
                     ScheduledExecutorService timers, SessionObserver observer) {
}
