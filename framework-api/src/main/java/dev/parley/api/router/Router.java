package dev.parley.api.router;

/**
 * Chooses which variant of a pipeline a new session gets. Must be deterministic for a given user key so that
 * a user keeps their variant across reconnects, restarts and server nodes.
 */
public interface Router {
    /** @return the chosen variant; never null */
    RouteDecision route(RoutingRequest request);
}
