package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import dev.parley.api.ConfigException;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Providers shipped inside the runtime, registered in {@code META-INF/services/dev.parley.api.<kind>.<X>Provider}
 * and found with {@link ServiceLoader} (not PF4J: they live on the application classpath).
 */
public final class BuiltInProviders {
    private BuiltInProviders() {
    }

    /** Adds every built-in provider visible to {@code loader} to {@code registry}. */
    public static void addTo(ComponentRegistry.Builder registry, ClassLoader loader) {
        ProviderOrigin origin = ProviderOrigin.builtIn();
        for (ComponentKind kind : ComponentKind.values()) {
            Class<? extends ComponentProvider<?>> type = ProviderKinds.typeOf(kind);
            try {
                for (ComponentProvider<?> provider : ServiceLoader.load(type, loader)) {
                    registry.add(kind, provider, origin);
                }
            } catch (ServiceConfigurationError e) {
                throw new ConfigException("cannot load built-in " + kind.yamlKey() + " provider listed in META-INF/services/"
                        + type.getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
