package dev.parley.runtime.plugins;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import dev.parley.api.ConfigException;
import dev.parley.api.context.ComponentContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every provider the runtime knows, indexed by kind and id, each with the plugin (or "built-in") it came from.
 * Immutable once built; build one with {@link #builder()} or get it from {@link ComponentLoader}.
 */
public final class ComponentRegistry {
    private final Map<ComponentKind, Map<String, RegisteredProvider>> byKind;
    private final List<String> failedPlugins;
    private final ComponentContext context;

    private ComponentRegistry(Map<ComponentKind, Map<String, RegisteredProvider>> byKind, List<String> failedPlugins,
                              ComponentContext context) {
        this.byKind = byKind;
        this.failedPlugins = failedPlugins;
        this.context = context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The provider of {@code kind} named {@code id}, if any. */
    public Optional<RegisteredProvider> find(ComponentKind kind, String id) {
        return Optional.ofNullable(byKind.get(kind).get(id));
    }

    /**
     * The provider of {@code kind} named {@code id}.
     *
     * @throws ConfigException naming the available ids of that kind when there is none
     */
    public RegisteredProvider require(ComponentKind kind, String id) {
        return find(kind, id).orElseThrow(() -> new ConfigException(
                "unknown " + kind.yamlKey() + " provider '" + id + "'; " + describeAvailable(kind)));
    }

    /**
     * The context every provider of this registry is created with: the run's {@link RuntimeComponentContext}
     * when loaded by {@link ComponentLoader}, else {@link ComponentContext#standalone()}.
     */
    public ComponentContext context() {
        return context;
    }

    /**
     * Creates an engine from {@code provider} with this registry's context; every runtime call site creates
     * engines through here, so no provider is created without the context.
     */
    public Object create(RegisteredProvider provider, ComponentConfig config) {
        return provider.provider().create(config, context);
    }

    /** The ids registered for {@code kind}, sorted. */
    public List<String> ids(ComponentKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /**
     * {@code available: a, b} or {@code no stt providers are installed}, plus the plugins that failed to start
     * (their providers are missing) — for error messages.
     */
    public String describeAvailable(ComponentKind kind) {
        List<String> ids = ids(kind);
        String text = ids.isEmpty() ? "no " + kind.yamlKey() + " providers are installed"
                : "available: " + String.join(", ", ids);
        return failedPlugins.isEmpty() ? text : text + " (failed to start: " + String.join("; ", failedPlugins) + ")";
    }

    /** Every provider, ordered by kind (pipeline order) then id. */
    public List<RegisteredProvider> all() {
        List<RegisteredProvider> out = new ArrayList<>();
        byKind.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** Collects providers and rejects two that claim one kind+id. */
    public static final class Builder {
        private final Map<ComponentKind, Map<String, RegisteredProvider>> byKind = new EnumMap<>(ComponentKind.class);
        private final List<String> failedPlugins = new ArrayList<>();
        private ComponentContext context = ComponentContext.standalone();

        private Builder() {
            for (ComponentKind k : ComponentKind.values()) {
                byKind.put(k, new TreeMap<>());
            }
        }

        /**
         * Registers {@code provider} under {@code kind}. Registering the very same class twice (for instance found
         * both as a built-in and on the PF4J system classpath) is a no-op.
         *
         * @throws DuplicateProviderException when a different provider already claims this kind and id
         * @throws ConfigException            when the provider has no id
         */
        public Builder add(ComponentKind kind, ComponentProvider<?> provider, ProviderOrigin origin) {
            String id = provider.id();
            if (id == null || id.isBlank()) {
                throw new ConfigException(provider.getClass().getName() + " from " + origin.label()
                        + " returns no id(); a provider must name itself");
            }
            RegisteredProvider candidate = new RegisteredProvider(kind, id, provider, origin);
            RegisteredProvider existing = byKind.get(kind).get(id);
            if (existing != null) {
                if (existing.provider().getClass() == provider.getClass()) {
                    return this;
                }
                throw new DuplicateProviderException(existing, candidate);
            }
            byKind.get(kind).put(id, candidate);
            return this;
        }

        /** Registers {@code provider} under its own {@link ComponentProvider#kind()}. */
        public Builder add(ComponentProvider<?> provider, ProviderOrigin origin) {
            return add(provider.kind(), provider, origin);
        }

        /** Records a plugin that failed to start, so "unknown provider" errors can say why one may be missing. */
        public Builder pluginFailed(String pluginId, String reason) {
            failedPlugins.add(pluginId + ": " + reason);
            return this;
        }

        /** The context providers are created with (default: {@link ComponentContext#standalone()}). */
        public Builder context(ComponentContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        public ComponentRegistry build() {
            Map<ComponentKind, Map<String, RegisteredProvider>> copy = new EnumMap<>(ComponentKind.class);
            byKind.forEach((k, m) -> copy.put(k, new TreeMap<>(m)));
            return new ComponentRegistry(copy, List.copyOf(failedPlugins), context);
        }
    }
}
