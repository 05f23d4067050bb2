package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import dev.parley.api.context.ComponentContext;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-scope provider of any kind that records the configs it was created with and hands out engines whose
 * only behaviour is counting close() calls (assembly order and clean-up are what the assembler tests check).
 */
final class RecordingProvider implements ComponentProvider<Object> {
    final List<ComponentConfig> configs = new ArrayList<>();
    final List<ComponentContext> contexts = new ArrayList<>();
    final List<String> closed;
    private final ComponentKind kind;
    private final String id;
    private final Class<?> engineType;
    private final RuntimeException failure;

    RecordingProvider(ComponentKind kind, String id, Class<?> engineType, List<String> closed, RuntimeException failure) {
        this.kind = kind;
        this.id = id;
        this.engineType = engineType;
        this.closed = closed;
        this.failure = failure;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ComponentKind kind() {
        return kind;
    }

    @Override
    public Object create(ComponentConfig config, ComponentContext context) {
        contexts.add(context);
        return create(config);
    }

    @Override
    public Object create(ComponentConfig config) {
        configs.add(config);
        if (failure != null) {
            throw failure;
        }
        return Proxy.newProxyInstance(engineType.getClassLoader(), new Class<?>[] {engineType}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "close" -> {
                        closed.add(id);
                        yield null;
                    }
                    case "toString" -> "engine:" + id;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
