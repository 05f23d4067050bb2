package dev.parley.api.router;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for routers that pick a pipeline variant per session. */
public interface RouterProvider extends ComponentProvider<Router> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.ROUTER;
    }
}
