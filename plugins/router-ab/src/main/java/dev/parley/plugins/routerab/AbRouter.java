package dev.parley.plugins.routerab;

import dev.parley.api.router.RouteDecision;
import dev.parley.api.router.Router;
import dev.parley.api.router.RoutingRequest;

/**
 * Picks a session's variant, first rule that applies wins:
 * <ol>
 *   <li>{@code forced}: the request's query names a variant with the force parameter ({@code ?variant=B});
 *       an unknown name is refused with an {@link IllegalArgumentException} saying which names exist</li>
 *   <li>{@code disabled}: the experiment is paused, everyone gets the default variant</li>
 *   <li>{@code cohort:<label>}: the first cohort rule the request matches</li>
 *   <li>{@code weighted}: the user key's bucket; {@code weighted:session} when there is no user key and the
 *       session id is hashed instead (sticky for that session only)</li>
 * </ol>
 * Stateless and thread-safe; the answer depends only on the config and the request.
 */
public final class AbRouter implements Router {
    private final AbRouterConfig config;
    private final StickyBucketer bucketer;
    private final WeightedAllocation allocation;

    public AbRouter(AbRouterConfig config) {
        this.config = config;
        this.bucketer = new StickyBucketer(config.salt());
        this.allocation = new WeightedAllocation(config.variants());
    }

    public AbRouterConfig config() {
        return config;
    }

    @Override
    public RouteDecision route(RoutingRequest request) {
        String forced = config.forceParam() == null || request.query() == null
                ? null : request.query().get(config.forceParam());
        if (forced != null && !forced.isBlank()) {
            if (!config.hasVariant(forced)) {
                throw new IllegalArgumentException("unknown variant '" + forced + "' requested by ?"
                        + config.forceParam() + "=; experiment '" + config.experiment() + "' has variants "
                        + config.variantNames());
            }
            return new RouteDecision(forced, "forced");
        }
        if (!config.enabled()) {
            return new RouteDecision(config.defaultVariant(), "disabled");
        }
        for (CohortRule rule : config.cohorts()) {
            if (rule.matches(request)) {
                return new RouteDecision(rule.variant(), "cohort:" + rule.label());
            }
        }
        String user = request.userKey();
        if (user != null && !user.isBlank()) {
            return new RouteDecision(allocation.variantOf(bucketer.bucket(user)), "weighted");
        }
        if (request.sessionId() == null) {
            throw new IllegalArgumentException("cannot route a session with neither a user key nor a session id");
        }
        return new RouteDecision(allocation.variantOf(bucketer.bucket(request.sessionId())), "weighted:session");
    }
}
