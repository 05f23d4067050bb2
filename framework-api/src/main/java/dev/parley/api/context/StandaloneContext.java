package dev.parley.api.context;

import java.nio.file.Files;
import java.nio.file.Path;

/** See {@link ComponentContext#standalone()}. */
final class StandaloneContext implements ComponentContext {
    static final StandaloneContext INSTANCE = new StandaloneContext();

    private final Path home = locateHome();
    private final PriorityCpuExecutor cpu = PriorityCpuExecutor.sizedForCores("parley-cpu");
    private final TimerScheduler scheduler = new TimerScheduler("parley-timer");

    private StandaloneContext() {
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
        return ComponentMetrics.NOOP;
    }

    /** See {@link ComponentContext#defaultHome()}. */
    static Path locateHome() {
        String home = System.getProperty("parley.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return cwd;
    }
}
