package dev.parley.api;

import dev.parley.api.context.ComponentContext;
import org.pf4j.ExtensionPoint;

/**
 * A named factory for one kind of component. Pipelines refer to providers by {@link #id()}. Implementations
 * are PF4J extensions (annotate with {@code @Extension}) inside a plugin, or built-ins registered through
 * {@link java.util.ServiceLoader}. Each kind has its own sub-interface so the runtime can look them up.
 *
 * @param <E> the engine this provider creates: shared, thread-safe, one per pipeline; it opens per-session streams
 */
public interface ComponentProvider<E> extends ExtensionPoint {
    /** The name pipeline YAML uses, unique within its kind, e.g. {@code pocketsphinx}. */
    String id();

    /** Which stage this provider can fill. */
    ComponentKind kind();

    /** One line for {@code parley plugins}. */
    default String description() {
        return "";
    }

    /**
     * The keys this provider reads from its stage's {@code config:} block. With a declaration, a key not in it is
     * an error at {@code parley pipelines validate} and at {@code serve} (besides the keys the runtime itself
     * reads in every stage of a kind, such as a vad stage's {@code min_speech_ms}). Default: undeclared, no check.
     */
    default ConfigSpec configSpec() {
        return ConfigSpec.UNDECLARED;
    }

    /**
     * Checks what {@link #create(ComponentConfig, ComponentContext)} needs beyond the keys' types, without
     * building the engine: a model file or directory present, a voice installed, a URL usable. {@code parley
     * pipelines validate} runs it; {@code create} must fail on the same problems with the same message (best: both
     * call the same code), so that a pipeline that validates also serves. Default: nothing to check.
     *
     * @throws ConfigException naming the key, the source and the fix
     */
    default void check(ComponentConfig config, ComponentContext context) {
    }

    /**
     * Builds an engine from the stage's configuration, with the runtime's services. This is the method the
     * runtime calls, always with the one context of the server or CLI run. A provider that needs nothing from the
     * runtime implements only {@link #create(ComponentConfig)} and inherits this default; one that uses the
     * context (home, CPU pool, timers, metrics) overrides this and implements {@code create(config)} as
     * {@code create(config, ComponentContext.standalone())}.
     *
     * @throws ConfigException when the configuration is wrong or a required file is missing; the message must say
     *                         what is missing and how to obtain it
     */
    default E create(ComponentConfig config, ComponentContext context) {
        return create(config);
    }

    /**
     * Builds an engine without a runtime (tests, embedding code). Heavy set-up (loading a model) happens here,
     * once. See {@link #create(ComponentConfig, ComponentContext)}.
     *
     * @throws ConfigException as {@link #create(ComponentConfig, ComponentContext)}
     */
    E create(ComponentConfig config);
}
