package dev.parley.api.context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorityCpuExecutorTest {
    private PriorityCpuExecutor cpu;

    @AfterEach
    void close() {
        if (cpu != null) {
            cpu.close();
        }
    }

    @Test
    void runsOnAFixedNumberOfNamedDaemonPlatformThreads() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 2, 100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Boolean> platformDaemonPool = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            done.add(cpu.submit(CpuPriority.NORMAL, () -> {
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                Thread t = Thread.currentThread();
                names.add(t.getName());
                platformDaemonPool.add(!t.isVirtual() && t.isDaemon() && cpu.isPoolThread());
                sleep(5);
                running.decrementAndGet();
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(2, mostAtOnce.get(), "saturated by 20 tasks, the pool still runs only its 2 threads");
        assertTrue(names.stream().allMatch(n -> n.startsWith("test-cpu-")), names.toString());
        assertTrue(names.size() <= 2, names.toString());
        assertEquals(20, platformDaemonPool.size());
        assertFalse(platformDaemonPool.contains(false), "every task ran on a daemon platform pool thread");
        assertFalse(cpu.isPoolThread(), "the test thread is not a pool thread");
    }

    @Test
    void queuedWorkRunsHighestPriorityFirstThenInSubmissionOrder() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 100, SerialLanePriorityTest.STRICT);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        cpu.submit(CpuPriority.NORMAL, () -> { // holds the only thread while the rest queue
            started.countDown();
            await(gate);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        String[][] plan = {{"BACKGROUND", "look-ahead-1"}, {"NORMAL", "normal-1"}, {"URGENT", "final-1"},
                {"BACKGROUND", "look-ahead-2"}, {"NORMAL", "normal-2"}, {"URGENT", "final-2"}};
        for (String[] p : plan) {
            done.add(cpu.submit(CpuPriority.valueOf(p[0]), () -> order.add(p[1])));
        }
        assertEquals(6, cpu.waiting());
        gate.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of("final-1", "final-2", "normal-1", "normal-2", "look-ahead-1", "look-ahead-2"), order);
        assertEquals(0, cpu.waiting());
    }

    @Test
    void aFullQueueRejectsInsteadOfGrowingAndRecoversWhenDrained() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        cpu.submit(CpuPriority.NORMAL, () -> {
            started.countDown();
            await(gate);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Future<?> a = cpu.submit(CpuPriority.NORMAL, () -> { });
        Future<?> b = cpu.submit(CpuPriority.URGENT, () -> { });
        RejectedExecutionException full = assertThrows(RejectedExecutionException.class,
                () -> cpu.submit(CpuPriority.URGENT, () -> { }));
        assertTrue(full.getMessage().contains("queue is full"), full.getMessage());
        gate.countDown();
        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
        cpu.submit(CpuPriority.NORMAL, () -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCancelledQueuedTaskNeverRunsAndFreesItsPlace() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        cpu.submit(CpuPriority.NORMAL, () -> {
            started.countDown();
            await(gate);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        Future<?> queued = cpu.submit(CpuPriority.NORMAL, ran::incrementAndGet);
        assertTrue(queued.cancel(false));
        assertEquals(0, cpu.waiting());
        Future<?> next = cpu.submit(CpuPriority.NORMAL, () -> { });
        gate.countDown();
        next.get(5, TimeUnit.SECONDS);
        assertEquals(0, ran.get());
    }

    @Test
    void rejectsAfterClose() {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 10);
        cpu.close();
        assertThrows(RejectedExecutionException.class, () -> cpu.submit(CpuPriority.URGENT, () -> { }));
        assertThrows(RejectedExecutionException.class, () -> cpu.serial(CpuPriority.NORMAL).execute(() -> { }));
    }

    @Test
    void aSerialLaneRunsItsTasksInOrderOneAtATimeAcrossPoolThreads() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 2, 1000);
        SerialExecutor lane = cpu.serial(CpuPriority.NORMAL);
        List<Integer> seen = new ArrayList<>(); // unsynchronised on purpose: the lane's ordering guards it
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            int n = i;
            lane.execute(() -> {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.add(n);
                inside.decrementAndGet();
            });
            cpu.submit(CpuPriority.NORMAL, () -> { }); // other work interleaves on the same pool
        }
        lane.shutdown();
        assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> { }));
        assertTrue(lane.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void aBurstOfShortLaneStepsWaitsForAThreadOnceNotOncePerStep() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 100);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        cpu.submit(CpuPriority.NORMAL, () -> {
            started.countDown();
            await(gate);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        SerialExecutor lane = cpu.serial(CpuPriority.NORMAL);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        lane.execute(() -> order.add("step-0"));
        Future<?> other = cpu.submit(CpuPriority.NORMAL, () -> order.add("other"));
        for (int i = 1; i < 20; i++) {
            int n = i;
            lane.execute(() -> order.add("step-" + n));
        }
        gate.countDown();
        other.get(5, TimeUnit.SECONDS);
        lane.shutdown();
        assertTrue(lane.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(21, order.size());
        assertEquals("other", order.get(20), "the lane's queued steps ran in its one turn: " + order);
    }

    @Test
    void anIdleLaneTerminatesAtShutdownAndABusyOneWhenItsLastTaskEnds() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 10);
        SerialExecutor idle = cpu.serial(CpuPriority.NORMAL);
        idle.shutdown();
        assertTrue(idle.awaitTermination(0, TimeUnit.MILLISECONDS));

        SerialExecutor busy = cpu.serial(CpuPriority.NORMAL);
        CountDownLatch gate = new CountDownLatch(1);
        busy.execute(() -> await(gate));
        busy.shutdown();
        assertFalse(busy.awaitTermination(50, TimeUnit.MILLISECONDS));
        gate.countDown();
        assertTrue(busy.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void theStandaloneContextIsOnePerJvm() {
        ComponentContext a = ComponentContext.standalone();
        assertTrue(a == ComponentContext.standalone());
        assertTrue(a.cpu().threads() >= 2);
        assertTrue(a.home().isAbsolute());
        assertTrue(a.metrics() == ComponentMetrics.NOOP);
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
