package dev.parley.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPU is attributed by thread: a busy thread's time lands in its row, and the rows never exceed the process. */
class CpuProfileTest {

    private static void spin(long cpuNanos) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = mx.getCurrentThreadCpuTime() + cpuNanos;
        long x = 0;
        while (mx.getCurrentThreadCpuTime() < end) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    @Test
    void busyThreadsLandInTheirRows() throws Exception {
        CpuProfile profile = CpuProfile.start();
        Thread timers = Thread.ofPlatform().name("parley-session-timers-test").start(() -> spin(200_000_000L));
        Thread client = Thread.ofPlatform().name("bench-client-test").start(() -> spin(100_000_000L));
        timers.join();
        client.join();
        Thread.sleep(3 * CpuProfile.TICK_MS);
        profile.close();
        Map<CpuProfile.Stage, Long> n = profile.nanos();
        // generous bounds: a thread's CPU after its last tick before it ended is lost to the JVM row
        assertTrue(n.get(CpuProfile.Stage.TIMERS) >= 150_000_000L, "timers row: " + n);
        assertTrue(n.get(CpuProfile.Stage.BENCH) >= 60_000_000L, "bench row: " + n);
        long sum = n.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(sum <= profile.processNanos() + 50_000_000L, "rows " + sum + " vs process " + profile.processNanos());
        assertTrue(profile.startedAndOwnTtsThreads()[0] >= 2, "the two threads started: "
                + profile.startedAndOwnTtsThreads()[0]);
    }
}
