package dev.parley.runtime.realtime;

import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.conversation.VariantSwitcher;
import dev.parley.runtime.pipeline.Pipeline;

/**
 * Chooses the pipeline (and router variant) a new session runs on. Called once per connection, before
 * {@code session.created}; the router module implements it.
 */
public interface PipelineSelector {
    /**
     * @param request what is known about the connecting session (id, sticky user key, headers, query)
     * @return the assembled pipeline to open the session engine on; never null
     */
    Pipeline select(RoutingRequest request);

    /**
     * A way for session {@code sessionId}, now on {@code current}, to switch variant between turns; null (the
     * default) when this selector has no variants to switch to.
     */
    default VariantSwitcher switcher(String sessionId, Pipeline current) {
        return null;
    }
}
