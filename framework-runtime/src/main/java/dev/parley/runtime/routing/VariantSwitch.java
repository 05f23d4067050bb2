package dev.parley.runtime.routing;

import dev.parley.runtime.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one live session to another variant between turns. {@link #request} checks the name at once (a bad
 * name is refused and the session goes on as it was); the session applies the switch at its next turn boundary
 * by calling {@link #atTurnBoundary()} and, when it returns a different pipeline, opening new streams on that
 * pipeline's engines (the old streams finish or are cancelled with the current response). Owned by the session's
 * actor: not thread-safe.
 */
public final class VariantSwitch implements dev.parley.runtime.conversation.VariantSwitcher {
    private static final Logger log = LoggerFactory.getLogger(VariantSwitch.class);

    private final RoutedPipelineSelector selector;
    private final String sessionId;
    private Pipeline current;
    private Pipeline pending;

    VariantSwitch(RoutedPipelineSelector selector, String sessionId, Pipeline current) {
        this.selector = selector;
        this.sessionId = sessionId;
        this.current = current;
    }

    /**
     * Asks for {@code variant} from the next turn on. Asking for the current variant cancels a pending switch.
     *
     * @return the pipeline the session will run on after the switch (its {@code session} defaults may be merged
     *         into the session's settings now, so {@code session.updated} can show them)
     * @throws RoutingException when the variant does not exist; nothing changes
     */
    @Override
    public Pipeline request(String variant) {
        Pipeline target = selector.pipelineFor(variant);
        pending = target == current ? null : target;
        return target;
    }

    /** True when a switch waits for the next turn boundary. */
    @Override
    public boolean pending() {
        return pending != null;
    }

    /**
     * Called by the session between turns (no response playing, no utterance open).
     *
     * @return the pipeline to run the next turn on: the switched-to one if a switch was pending, else the current
     */
    @Override
    public Pipeline atTurnBoundary() {
        if (pending != null) {
            log.info("session {} → pipeline {} variant {} (switched from {})", sessionId, pending.name(),
                    pending.variant(), current.variant());
            selector.recorder().assigned(sessionId, pending.name(), pending.variant(), "switched");
            current = pending;
            pending = null;
        }
        return current;
    }

    /** The pipeline the session runs on now. */
    public Pipeline current() {
        return current;
    }
}
