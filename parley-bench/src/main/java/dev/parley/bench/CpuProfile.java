package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU time of this process split by what spent it, sampled every {@value #TICK_MS} ms from {@link ThreadMXBean}
 * per-thread CPU time. Threads of one kind are classified by name (Netty event loops, timers, the bench client);
 * the runtime's shared CPU pool ({@code parley-cpu-*}) runs both STT and TTS, so each tick's CPU delta of a pool
 * thread goes to the stage whose code is on that thread's stack at the tick (pocketsphinx or MaryTTS frames).
 * What no Java thread accounts for — process CPU minus the sum over threads — is the JVM's own: GC, JIT compiler
 * and VM threads, which {@link ThreadMXBean} does not list.
 *
 * <p>Virtual threads have no CPU time of their own in {@link ThreadMXBean}: they run on carrier threads
 * ({@code ForkJoinPool-*-worker-*}), which carry both the session engine and the LLM's stream (the rules responder
 * runs on a virtual thread), so those two share one row.
 */
final class CpuProfile implements AutoCloseable {
    static final int TICK_MS = 10;
    private static final int STACK_DEPTH = 48;

    /** What spent the CPU. */
    enum Stage {
        STT("STT (pocketsphinx decode, final pass and decoder loads)"),
        TTS("TTS (MaryTTS synthesis on the CPU pool)"),
        TTS_OWN_THREADS("TTS: vocoder threads MaryTTS starts itself (one per synthesis)"),
        CPU_POOL_OTHER("CPU pool, other tasks (resampling, framework)"),
        VIRTUAL("framework + LLM on virtual threads (carrier threads)"),
        NETWORK("framework: Netty event loops (WebSocket I/O)"),
        TIMERS("framework: timers, recorder, other parley-* threads"),
        JVM("JVM: GC, JIT compiler, VM threads (process - threads)"),
        BENCH("bench client, its driver (main) and this sampler (not the server)"),
        OTHER("other threads");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final EnumMap<Stage, Long> nanos = new EnumMap<>(Stage.class);
    private final Map<String, Long> otherByName = new TreeMap<>();
    /** Threads that ran MaryTTS code off the CPU pool (its per-synthesis vocoder threads), by id. */
    private final Set<Long> ownTtsThreads = new HashSet<>();
    private final long startedThreadsStart;
    private long startedThreads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private final long processStart;
    private long processEnd = -1;
    private final long gcMillisStart = gcMillis();
    private final long gcCountStart = gcCount();
    private final long jitMillisStart = jitMillis();
    private long gcMillis;
    private long gcCount;
    private long jitMillis;

    private CpuProfile() {
        threads.setThreadCpuTimeEnabled(true);
        for (Stage s : Stage.values()) {
            nanos.put(s, 0L);
        }
        for (long id : threads.getAllThreadIds()) {
            lastCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processStart = os.getProcessCpuTime();
        startedThreadsStart = threads.getTotalStartedThreadCount();
        sampler = Thread.ofPlatform().daemon().name("bench-cpu-sampler").start(this::sampleLoop);
    }

    /** Starts sampling now; CPU spent before this call is not counted. */
    static CpuProfile start() {
        return new CpuProfile();
    }

    private void sampleLoop() {
        while (running.get()) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            tick();
        }
    }

    private synchronized void tick() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), STACK_DEPTH)) {
            if (info == null) {
                continue; // ended between the two calls
            }
            long id = info.getThreadId();
            long now = threads.getThreadCpuTime(id);
            if (now < 0) {
                continue;
            }
            long delta = now - lastCpu.getOrDefault(id, 0L);
            lastCpu.put(id, now);
            if (delta <= 0) {
                continue;
            }
            Stage stage = classify(info);
            nanos.merge(stage, delta, Long::sum);
            if (stage == Stage.TTS_OWN_THREADS) {
                ownTtsThreads.add(id);
            }
            if (stage == Stage.OTHER || stage == Stage.TTS_OWN_THREADS) {
                otherByName.merge(info.getThreadName().replaceAll("\\d+", "N"), delta, Long::sum);
            }
        }
    }

    static Stage classify(ThreadInfo info) {
        String name = info.getThreadName();
        if (name.startsWith("parley-cpu-")) {
            return byStack(info.getStackTrace());
        }
        if (name.startsWith("pocketsphinx")) {
            return Stage.STT;
        }
        if (name.startsWith("bench-") || name.startsWith("HttpClient-") || name.equals("main")) {
            return Stage.BENCH;
        }
        if (name.startsWith("ForkJoinPool-") || name.startsWith("VirtualThread-")) {
            return Stage.VIRTUAL;
        }
        if (name.contains("EventLoopGroup") || name.startsWith("nioEventLoop")) {
            return Stage.NETWORK;
        }
        if (name.startsWith("parley-")) {
            return Stage.TIMERS;
        }
        for (StackTraceElement f : info.getStackTrace()) {
            if (f.getClassName().startsWith("marytts.")) {
                return Stage.TTS_OWN_THREADS;
            }
        }
        return Stage.OTHER;
    }

    private static Stage byStack(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("dev.parley.plugins.pocketsphinx") || c.startsWith("edu.cmu.")) {
                return Stage.STT;
            }
            if (c.startsWith("marytts.") || c.startsWith("dev.parley.plugins.marytts")) {
                return Stage.TTS;
            }
        }
        return Stage.CPU_POOL_OTHER;
    }

    /** Stops sampling; the figures are final after this. */
    @Override
    public void close() {
        if (running.getAndSet(false)) {
            sampler.interrupt();
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tick();
            synchronized (this) {
                processEnd = os.getProcessCpuTime();
                // the sampler itself was started before the count was taken, so it is not in it
                startedThreads = threads.getTotalStartedThreadCount() - startedThreadsStart;
                gcMillis = gcMillis() - gcMillisStart;
                gcCount = gcCount() - gcCountStart;
                jitMillis = jitMillis() - jitMillisStart;
                long threadSum = nanos.values().stream().mapToLong(Long::longValue).sum();
                nanos.put(Stage.JVM, Math.max(0, processEnd - processStart - threadSum));
            }
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * What splits the JVM row (after {@link #close}): GC collections and their accumulated time, and the JIT
     * compilers' accumulated time, in ms, as the JVM's own MXBeans report them (elapsed, not CPU time).
     */
    synchronized long[] gcCountGcMillisJitMillis() {
        return new long[] {gcCount, gcMillis, jitMillisStart < 0 ? -1 : jitMillis};
    }

    /** CPU nanoseconds per stage (after {@link #close}). */
    synchronized Map<Stage, Long> nanos() {
        return new EnumMap<>(nanos);
    }

    /** Process CPU nanoseconds over the profile (after {@link #close}). */
    synchronized long processNanos() {
        return processEnd - processStart;
    }

    /**
     * Threads started in this process over the profile (server and bench client alike), and how many distinct
     * threads ran MaryTTS code off the CPU pool (after {@link #close}).
     */
    synchronized long[] startedAndOwnTtsThreads() {
        return new long[] {startedThreads, ownTtsThreads.size()};
    }

    /** CPU nanoseconds of threads in rows OTHER and TTS_OWN_THREADS, by name with digits as N. */
    synchronized Map<String, Long> otherThreads() {
        return new TreeMap<>(otherByName);
    }
}
