package dev.parley.api.context;

import java.nio.file.Path;

/**
 * What the runtime hands every provider in {@link dev.parley.api.ComponentProvider#create(
 * dev.parley.api.ComponentConfig, ComponentContext)}: where Parley's files are, the shared pools to run work on,
 * and where to record metrics. One context serves a whole server or CLI run; the runtime owns it and shuts its
 * pools down after every engine is closed, so a component never shuts them down itself.
 */
public interface ComponentContext {
    /** The Parley home (the launcher's {@code parley.home}); models are looked up under it ({@code build/models}). */
    Path home();

    /**
     * The bounded platform-thread pool for decoding, synthesis and inference; see {@link CpuExecutor} for
     * priorities and what happens under saturation.
     */
    CpuExecutor cpu();

    /** Timers (short tasks only). */
    TaskScheduler scheduler();

    /** Where the component records counters, timers and gauges. */
    ComponentMetrics metrics();

    /**
     * The most sessions the server admits at once ({@code parley serve --max-sessions}, or its default), so an
     * engine with per-session state (a decoder per stream) can warm that many at start instead of loading one on a
     * session's first audio; 0 when unknown or unlimited (tests, the bench, embedding code).
     */
    default int maxSessions() {
        return 0;
    }

    /**
     * The context for components created outside a runtime (tests, embedding code): one per JVM, created on first
     * use, with daemon threads, {@link ComponentMetrics#NOOP} and {@link #defaultHome()}. It is never shut down.
     */
    static ComponentContext standalone() {
        return StandaloneContext.INSTANCE;
    }

    /**
     * The Parley home when nobody names one: the system property {@code parley.home} when set (the launcher sets
     * it), else the nearest directory at or above the working directory holding {@code .mvn/} (a source checkout,
     * as when tests run in a module directory), else the working directory. Absolute.
     */
    static Path defaultHome() {
        return StandaloneContext.locateHome();
    }
}
