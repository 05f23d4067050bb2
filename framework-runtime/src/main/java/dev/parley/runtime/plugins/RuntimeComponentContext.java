package dev.parley.runtime.plugins;

import dev.parley.api.context.ComponentContext;
import dev.parley.api.context.ComponentMetrics;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.context.PriorityCpuExecutor;
import dev.parley.api.context.TaskScheduler;
import dev.parley.api.context.TimerScheduler;

import java.nio.file.Path;

/**
 * The one {@link ComponentContext} of a server or CLI run, created with its {@link LoadedComponents} and handed to
 * every provider through {@link ComponentRegistry#context()}. It owns the CPU pool and the timer thread and shuts
 * them down on {@link #close()}, after the engines are closed.
 */
public final class RuntimeComponentContext implements ComponentContext, AutoCloseable {
    private final Path home;
    private final PriorityCpuExecutor cpu;
    private final TimerScheduler scheduler;
    private final ComponentMetrics metrics;
    private volatile int maxSessions;

    /**
     * @param home    the Parley home
     * @param cpu     the pool this context owns
     * @param metrics where components record (Micrometer is bridged in here later); {@link ComponentMetrics#NOOP}
     *                for now
     */
    public RuntimeComponentContext(Path home, PriorityCpuExecutor cpu, ComponentMetrics metrics) {
        this.home = home;
        this.cpu = cpu;
        this.scheduler = new TimerScheduler("parley-timer");
        this.metrics = metrics;
    }

    /** System property overriding the CPU pool's thread count (default {@code max(2, cores)}). */
    public static final String CPU_THREADS_PROPERTY = "parley.cpu.threads";

    /**
     * A context for {@code home} with a pool sized from the core count (or {@value #CPU_THREADS_PROPERTY}) and no
     * metrics registry yet.
     */
    public static RuntimeComponentContext forHome(Path home) {
        int threads = Integer.getInteger(CPU_THREADS_PROPERTY, 0);
        PriorityCpuExecutor cpu = threads > 0
                ? new PriorityCpuExecutor("parley-cpu", threads, PriorityCpuExecutor.DEFAULT_QUEUE_CAPACITY)
                : PriorityCpuExecutor.sizedForCores("parley-cpu");
        return new RuntimeComponentContext(home, cpu, ComponentMetrics.NOOP);
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public CpuExecutor cpu() {
        return cpu;
    }

    @Override
    public TaskScheduler scheduler() {
        return scheduler;
    }

    @Override
    public ComponentMetrics metrics() {
        return metrics;
    }

    @Override
    public int maxSessions() {
        return maxSessions;
    }

    /** Set by {@code serve} before the pipeline is assembled: the admission limit engines size their pools from. */
    public void maxSessions(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max sessions must be >= 0");
        }
        this.maxSessions = max;
    }

    /** Stops the timers and the CPU pool: queued work is dropped, running work interrupted. */
    @Override
    public void close() {
        scheduler.close();
        cpu.close();
    }
}
