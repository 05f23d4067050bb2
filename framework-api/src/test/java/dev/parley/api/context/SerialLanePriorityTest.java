package dev.parley.api.context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-task priorities on serial lanes, with a one-thread pool held busy while work queues, so the order the pool
 * picks is visible: a lane is queued at its most urgent waiting task, order inside a lane never changes.
 */
class SerialLanePriorityTest {
    private PriorityCpuExecutor cpu;
    /** Graces far longer than a test takes: the order is then the priorities' alone, however loaded the machine. */
    static final long[] STRICT = {0, 60_000_000_000L, 120_000_000_000L};
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        if (cpu != null) {
            cpu.close();
        }
    }

    @Test
    void aFinalLiftsItsLaneAheadOfLookAheadAndPartialsWhileTheLaneKeepsItsOrder() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 100, STRICT);
        CountDownLatch gate = hold();
        SerialExecutor sessionA = cpu.serial(CpuPriority.NORMAL);
        SerialExecutor sessionB = cpu.serial(CpuPriority.NORMAL);
        sessionB.execute(CpuPriority.BACKGROUND, () -> order.add("B partial"));
        cpu.submit(CpuPriority.BACKGROUND, () -> order.add("look-ahead clause"));
        cpu.submit(CpuPriority.NORMAL, () -> order.add("playing clause"));
        sessionA.execute(CpuPriority.NORMAL, () -> order.add("A audio 1"));
        sessionA.execute(CpuPriority.NORMAL, () -> order.add("A audio 2"));
        sessionA.execute(CpuPriority.URGENT, () -> order.add("A final"));
        CountDownLatch done = new CountDownLatch(2);
        sessionB.execute(CpuPriority.BACKGROUND, done::countDown);
        cpu.submit(CpuPriority.BACKGROUND, done::countDown);
        gate.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("A audio 1", "A audio 2", "A final", "playing clause", "B partial",
                "look-ahead clause"), order);
    }

    @Test
    void aLaneWithOnlyBackgroundWorkWaitsBehindNormalWorkQueuedAfterIt() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 100, STRICT);
        CountDownLatch gate = hold();
        SerialExecutor lane = cpu.serial(CpuPriority.NORMAL);
        lane.execute(CpuPriority.BACKGROUND, () -> order.add("partial"));
        cpu.submit(CpuPriority.NORMAL, () -> order.add("other session's audio"));
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(CpuPriority.BACKGROUND, done::countDown);
        gate.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("other session's audio", "partial"), order);
    }

    @Test
    void aSpareTurnLeftByAPromotionRunsNothingTwice() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 2, 100);
        SerialExecutor lane = cpu.serial(CpuPriority.BACKGROUND);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            int n = i;
            CpuPriority p = CpuPriority.values()[i % 3];
            lane.execute(p, () -> seen.add(n));
        }
        lane.execute(CpuPriority.URGENT, done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "every task once, in submission order, whatever the priorities");
        lane.shutdown();
        assertTrue(lane.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void backgroundWorkThatHasWaitedPastItsGraceGoesBeforeFreshUrgentWork() throws Exception {
        cpu = new PriorityCpuExecutor("test-cpu", 1, 100); // the real graces
        CountDownLatch gate = hold();
        cpu.submit(CpuPriority.BACKGROUND, () -> order.add("look-ahead clause, queued long ago"));
        Thread.sleep(400); // more than BACKGROUND's 250 ms grace
        cpu.submit(CpuPriority.URGENT, () -> order.add("fresh final"));
        CountDownLatch done = new CountDownLatch(1);
        cpu.submit(CpuPriority.BACKGROUND, done::countDown);
        gate.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("look-ahead clause, queued long ago", "fresh final"), order, "no starvation");
    }

    /** Occupies the pool's only thread until the returned gate opens. */
    private CountDownLatch hold() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        cpu.submit(CpuPriority.URGENT, () -> {
            started.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        return gate;
    }
}
