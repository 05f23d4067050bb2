package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap per idle session: used heap after a full GC with N sessions open (created and configured, no audio),
 * minus the same before they were opened, divided by N. The load client runs in this JVM, so its per-connection
 * state (the JDK WebSocket, its buffers) is included: the figure is an upper bound for the server alone.
 */
final class IdleHeapBench {
    private IdleHeapBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        int n = ctx.settings().idleSessions();
        List<RealtimeClient> open = new ArrayList<>(n);
        try (BenchServer srv = BenchServer.start(pipeline)) {
            // one session first, so classes and shared engine state loaded on first use are not counted
            BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(), t -> true).close();
            long before = usedAfterGc();
            for (int i = 0; i < n; i++) {
                open.add(BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(),
                        t -> t.startsWith("session.")));
            }
            long after = usedAfterGc();
            double perSession = (after - before) / (double) n / 1024;
            TextTable t = new TextTable("Heap per idle session, pipeline '" + pipeline.name() + "' (" + n
                    + " sessions, server and client in one JVM)", "sessions", "heap before (MB)",
                    "heap after (MB)", "per session (KB)", "target");
            t.row(n, String.format(java.util.Locale.ROOT, "%.1f", before / 1048576.0),
                    String.format(java.util.Locale.ROOT, "%.1f", after / 1048576.0),
                    String.format(java.util.Locale.ROOT, "%.1f", perSession), "<= 1024 KB");
            t.print(ctx.out());
        } finally {
            open.parallelStream().forEach(RealtimeClient::close);
        }
    }

    static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
