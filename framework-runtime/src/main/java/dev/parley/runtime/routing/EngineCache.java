package dev.parley.runtime.routing;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.runtime.pipeline.PipelineException;
import dev.parley.runtime.pipeline.StageDefinition;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.RegisteredProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates each distinct engine of an experiment once. Two stages with the same kind, provider and effective
 * config (after the variant's overrides) get the same engine instance, so variants that differ only in their TTS
 * voice share one VAD, one STT model and one LLM client. Not thread-safe: used while loading.
 */
final class EngineCache implements AutoCloseable {
    private record Key(ComponentKind kind, String provider, Map<String, Object> config) {
    }

    private final ComponentRegistry registry;
    private final Map<Key, Object> engines = new LinkedHashMap<>();

    EngineCache(ComponentRegistry registry) {
        this.registry = registry;
    }

    /** The engine for {@code stage}, created on first use; null when the stage is absent. */
    <E> E engine(StageDefinition stage, Class<E> type) {
        if (stage == null) {
            return null;
        }
        Key key = new Key(stage.kind(), stage.provider(), stage.config().asMap());
        Object engine = engines.get(key);
        if (engine == null) {
            engine = create(stage);
            engines.put(key, engine);
        }
        if (!type.isInstance(engine)) {
            throw new PipelineException(stage.source() + ": " + stage.kind().yamlKey() + " provider '"
                    + stage.provider() + "' returned " + engine.getClass().getName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(engine);
    }

    /** How many distinct engines were created. */
    int size() {
        return engines.size();
    }

    private Object create(StageDefinition stage) {
        RegisteredProvider provider;
        try {
            provider = registry.require(stage.kind(), stage.provider());
        } catch (ConfigException e) {
            throw new PipelineException(stage.source() + ".provider: " + e.getMessage());
        }
        Object engine;
        try {
            engine = registry.create(provider, stage.config());
        } catch (ConfigException e) {
            throw e; // names its own key
        } catch (RuntimeException | LinkageError e) {
            throw new PipelineException(stage.source() + ": " + stage.kind().yamlKey() + " provider '"
                    + stage.provider() + "' (" + provider.origin().label() + ") failed to start: " + e, e);
        }
        if (engine == null) {
            throw new PipelineException(stage.source() + ": " + stage.kind().yamlKey() + " provider '"
                    + stage.provider() + "' returned nothing");
        }
        return engine;
    }

    /** Closes every engine once, newest first; errors are ignored (shutting down or cleaning up a failed load). */
    @Override
    public void close() {
        List<Object> all = new ArrayList<>(engines.values());
        for (Object engine : all.reversed()) {
            if (engine instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // nothing useful to do
                }
            }
        }
        engines.clear();
    }
}
