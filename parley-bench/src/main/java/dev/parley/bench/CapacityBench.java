package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Table 4: how many sessions one server holds while every session streams audio at real-time pace and takes
 * turns. N steps up until the event lag's p99 passes {@value #LAG_TARGET_MS} ms, probes go unanswered, or the
 * time budget is spent. Event lag = the round trip of a probe event through the session (see
 * {@link LoadSession}); it is what a client feels when its session falls behind, whatever the components.
 */
final class CapacityBench {
    static final double LAG_TARGET_MS = 20;
    static final int PROBE_INTERVAL_MS = 1000;

    private CapacityBench() {
    }

    /**
     * @param speech     what each session says every pass
     * @param tailMs     silence after it (the agent answers meanwhile)
     * @param onsetExact whether the pipeline's VAD reports onset on the first voiced frame
     */
    static void run(BenchContext ctx, Pipeline pipeline, List<Integer> steps, short[] speech, int tailMs,
                    boolean onsetExact) throws InterruptedException {
        AudioTrack track = AudioTrack.of(speech, 0, tailMs, ctx.settings().chunkMs());
        TextTable t = new TextTable("Capacity, pipeline '" + pipeline.name() + "': every session streams "
                + ctx.settings().chunkMs() + " ms chunks in real time, " + track.durationMs() + " ms per pass ("
                + (speech.length / 24) + " ms speech); " + ctx.settings().stepSeconds() + " s measured per step",
                "sessions", "event lag p50", "p99", "max", "onset lag p50", "p99", "responses/s",
                "late probes", "errors", "client send lateness p99", "process CPU", "verdict");
        long budgetEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(ctx.settings().budgetSeconds());
        int held = 0;
        try (BenchServer srv = BenchServer.start(pipeline)) {
            for (int n : steps) {
                if (System.nanoTime() > budgetEnd) {
                    ctx.note("  capacity: time budget spent before N=" + n);
                    break;
                }
                boolean ok = step(ctx, srv, track, n, onsetExact, t);
                if (!ok) {
                    break;
                }
                held = n;
            }
        }
        t.print(ctx.out());
        ctx.note("");
        ctx.note("Held with event lag p99 <= " + (int) LAG_TARGET_MS + " ms: " + held + " sessions"
                + (pipeline.name().equals("bench") ? " (target >= 500)" : ""));
    }

    private static boolean step(BenchContext ctx, BenchServer srv, AudioTrack track, int n, boolean onsetExact,
                                TextTable t) throws InterruptedException {
        LoadMetrics metrics = new LoadMetrics();
        List<LoadSession> sessions = new ArrayList<>(n);
        Random random = new Random(n);
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "bench-prober");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int i = 0; i < n; i++) {
                RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(),
                        type -> !type.startsWith("response.output_audio"));
                LoadSession s = new LoadSession(c, track, metrics);
                sessions.add(s);
                s.start(ctx.pacer(), random.nextInt(track.durationMs()));
            }
            for (int i = 0; i < n; i++) {
                LoadSession s = sessions.get(i);
                prober.scheduleAtFixedRate(s::probe, random.nextInt(PROBE_INTERVAL_MS), PROBE_INTERVAL_MS,
                        TimeUnit.MILLISECONDS);
            }
            Thread.sleep(track.durationMs() + 500L); // warm-up: every session has begun a pass
            ctx.pacer().resetLateness();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            metrics.recording(true);
            Thread.sleep(ctx.settings().stepSeconds() * 1000L);
            metrics.recording(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9 / seconds;
            Histogram lag = metrics.probe();
            Histogram onset = metrics.onset();
            Histogram late = ctx.pacer().lateness();
            double p99 = lag.getValueAtPercentile(99) / 1000.0;
            boolean ok = lag.getTotalCount() > 0 && p99 <= LAG_TARGET_MS && metrics.outstanding() == 0
                    && metrics.errors() == 0;
            t.row(n, Samples.ms(lag.getValueAtPercentile(50) / 1000.0), Samples.ms(p99),
                    Samples.ms(lag.getMaxValue() / 1000.0),
                    onsetExact ? Samples.ms(onset.getValueAtPercentile(50) / 1000.0) : "n/a",
                    onsetExact ? Samples.ms(onset.getValueAtPercentile(99) / 1000.0) : "n/a",
                    String.format(java.util.Locale.ROOT, "%.1f", metrics.responses() / seconds),
                    metrics.outstanding(), metrics.errors(),
                    Samples.ms(late.getValueAtPercentile(99) / 1000.0) + " ms",
                    String.format(java.util.Locale.ROOT, "%.0f%%", 100 * cpu),
                    ok ? "holds" : "fails");
            if (metrics.firstError() != null) {
                ctx.note("  N=" + n + " first error: " + metrics.firstError());
            }
            return ok;
        } finally {
            prober.shutdownNow();
            sessions.forEach(LoadSession::stop);
            sessions.parallelStream().forEach(s -> s.client.close());
            Thread.sleep(1000); // let the server tear the sessions down before the next step
        }
    }

    static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }
}
