package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/**
 * One provider known to the {@link ComponentRegistry}.
 *
 * @param kind     the stage it fills
 * @param id       the name pipelines use (unique within {@code kind})
 * @param provider the provider instance (one per registry; PF4J would create a new one per lookup)
 * @param origin   the plugin or built-in it came from
 */
public record RegisteredProvider(ComponentKind kind, String id, ComponentProvider<?> provider, ProviderOrigin origin) {
    /** The provider's one-line description, never null. */
    public String description() {
        String d = provider.description();
        return d == null ? "" : d;
    }
}
