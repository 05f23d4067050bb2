package dev.parley.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The actor runs tasks one at a time in order, whether they run on its carrier or inline via runIfIdle. */
class SessionActorTest {
    private final ExecutorService carrier = Executors.newVirtualThreadPerTaskExecutor();
    private final SessionActor actor = new SessionActor("test", carrier);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        carrier.shutdownNow();
    }

    private void await() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        actor.execute(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
    }

    @Test
    void anIdleActorRunsTheTaskOnTheCallersThreadAsAnActorTask() {
        Thread caller = Thread.currentThread();
        boolean[] inActor = new boolean[1];
        assertTrue(actor.runIfIdle(() -> {
            ran.add(Thread.currentThread() == caller ? "here" : "elsewhere");
            inActor[0] = actor.inActor();
        }));
        assertEquals(List.of("here"), ran);
        assertTrue(inActor[0]);
        assertFalse(actor.inActor(), "not an actor task once it returned");
    }

    @Test
    void aBusyActorRefusesAndKeepsOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        actor.execute(() -> {
            started.countDown();
            awaitQuietly(release);
            ran.add("first");
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertFalse(actor.runIfIdle(() -> ran.add("inline")), "busy: nothing runs inline");
        actor.execute(() -> ran.add("second"));
        release.countDown();
        await();
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void tasksSubmittedDuringAnInlineTaskRunAfterItOnTheCarrier() throws Exception {
        assertTrue(actor.runIfIdle(() -> {
            actor.execute(() -> ran.add("queued"));
            ran.add("inline");
        }));
        await();
        assertEquals(List.of("inline", "queued"), ran);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean again = false;
        while (!again && System.nanoTime() < end) { // the carrier's drain ends just after its last task
            again = actor.runIfIdle(() -> ran.add("idle again"));
            Thread.onSpinWait();
        }
        assertTrue(again, "the actor is idle again afterwards");
        assertEquals(List.of("inline", "queued", "idle again"), ran);
    }

    @Test
    void aFailingInlineTaskLeavesTheActorUsable() throws Exception {
        assertTrue(actor.runIfIdle(() -> {
            throw new IllegalStateException("boom (expected in this test)");
        }));
        actor.execute(() -> ran.add("after"));
        await();
        assertEquals(List.of("after"), ran);
    }

    @Test
    void runOrExecuteCalledFromAnActorTaskQueuesInsteadOfReentering() throws Exception {
        Thread caller = Thread.currentThread();
        actor.runOrExecute(() -> {
            ran.add(Thread.currentThread() == caller ? "inline" : "elsewhere");
            actor.runOrExecute(() -> ran.add("nested"));
            ran.add("inline done");
        });
        await();
        assertEquals(List.of("inline", "inline done", "nested"), ran);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
