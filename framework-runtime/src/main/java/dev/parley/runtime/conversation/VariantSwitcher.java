package dev.parley.runtime.conversation;

import dev.parley.runtime.pipeline.Pipeline;

/**
 * Moves one live session to another pipeline variant between turns (the client asks with the extension field
 * {@code session.parley.variant} in {@code session.update}). Provided by a {@link PipelineSelector} that has
 * variants; owned by the session's actor.
 */
public interface VariantSwitcher {
    /**
     * Asks for {@code variant} from the next turn boundary on.
     *
     * @throws RuntimeException naming the known variants when {@code variant} does not exist; nothing changes
     */
    Pipeline request(String variant);

    /** True while a requested switch waits for a turn boundary. */
    boolean pending();

    /** At a turn boundary: the pipeline to run from now on (the requested one if a switch was pending). */
    Pipeline atTurnBoundary();
}
