package dev.parley.plugins.routerab;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of a stage provider: records every {@code create} and {@code close}, so a test can prove which
 * engines an experiment creates and shares. Its engines only answer {@code close}, {@code toString},
 * {@code equals} and {@code hashCode}: routing never streams audio.
 */
final class CountingProvider implements ComponentProvider<Object> {
    private final ComponentKind kind;
    private final String id;
    private final Class<?> engineType;
    final List<ComponentConfig> created = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    CountingProvider(ComponentKind kind, String id, Class<?> engineType) {
        this.kind = kind;
        this.id = id;
        this.engineType = engineType;
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
    public Object create(ComponentConfig config) {
        created.add(config);
        String name = id + config.asMap();
        return Proxy.newProxyInstance(engineType.getClassLoader(), new Class<?>[] {engineType}, (proxy, m, args) ->
                switch (m.getName()) {
                    case "close" -> {
                        closed.incrementAndGet();
                        yield null;
                    }
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName() + " is not part of routing");
                });
    }
}
