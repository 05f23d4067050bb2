package dev.parley.api.stt;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SttWorkerTest {
    /** Records callbacks as "partial:x", "final:x", "error:message". */
    private static final class Events implements SttListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onPartial(String text) {
            seen.add("partial:" + text);
        }

        @Override
        public void onFinal(String text) {
            seen.add("final:" + text);
        }

        @Override
        public void onError(Throwable error) {
            seen.add("error:" + error.getMessage());
        }
    }

    /** Waits until every step queued so far has run (the worker runs them in order). */
    private static void drain(SttWorker worker) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        worker.submit(gen -> done.countDown(), () -> { });
        assertTrue(done.await(5, TimeUnit.SECONDS), "worker did not reach the end of its queue");
    }

    @Test
    void stepsRunInOrderOnTheWorkerAndDeliver() throws Exception {
        Events events = new Events();
        SttWorker worker = new SttWorker("stt-test", events);
        List<String> threads = new CopyOnWriteArrayList<>();
        worker.submit(gen -> {
            threads.add(Thread.currentThread().getName());
            worker.deliver(gen, l -> l.onPartial("a"));
        }, () -> { });
        worker.submit(gen -> worker.deliver(gen, l -> l.onFinal("a b")), () -> { });
        drain(worker);
        worker.cancel(() -> { });
        assertTrue(worker.awaitStopped(5_000));
        assertEquals(List.of("stt-test"), threads);
        assertEquals(List.of("partial:a", "final:a b"), events.seen);
    }

    @Test
    void aDroppedUtteranceIsSkippedAndItsCallbacksSuppressed() throws Exception {
        Events events = new Events();
        SttWorker worker = new SttWorker("stt-test", events);
        CountDownLatch hold = new CountDownLatch(1);
        List<String> cleanups = new CopyOnWriteArrayList<>();
        worker.submit(gen -> {
            hold.await(5, TimeUnit.SECONDS);
            worker.deliver(gen, l -> l.onFinal("dropped while decoding"));
        }, () -> { });
        worker.submit(gen -> worker.deliver(gen, l -> l.onFinal("queued before the drop")), () -> { });
        worker.dropUtterance(() -> cleanups.add("cleanup"));
        hold.countDown();
        worker.submit(gen -> worker.deliver(gen, l -> l.onFinal("next")), () -> { });
        drain(worker);
        worker.cancel(() -> { });
        assertTrue(worker.awaitStopped(5_000));
        assertEquals(List.of("cleanup"), cleanups);
        assertEquals(List.of("final:next"), events.seen);
    }

    @Test
    void aFailingStepRecoversAndReportsAndTheNextUtteranceWorks() throws Exception {
        Events events = new Events();
        SttWorker worker = new SttWorker("stt-test", events);
        List<String> recovered = new CopyOnWriteArrayList<>();
        worker.submit(gen -> {
            throw new IllegalStateException("decoder broke");
        }, () -> recovered.add("recover"));
        worker.submit(gen -> worker.deliver(gen, l -> l.onFinal("ok")), () -> { });
        drain(worker);
        worker.cancel(() -> { });
        assertTrue(worker.awaitStopped(5_000));
        assertEquals(List.of("recover"), recovered);
        assertEquals(List.of("error:decoder broke", "final:ok"), events.seen);
    }

    @Test
    void nothingIsDeliveredAfterCancelAndReleaseRunsOnce() throws Exception {
        Events events = new Events();
        SttWorker worker = new SttWorker("stt-test", events);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        List<String> released = new CopyOnWriteArrayList<>();
        worker.submit(gen -> {
            started.countDown();
            hold.await(5, TimeUnit.SECONDS);
            worker.deliver(gen, l -> l.onFinal("too late"));
        }, () -> { });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(worker.cancel(() -> released.add("release")), "the first cancel is the one that cancels");
        assertFalse(worker.cancel(() -> released.add("second release")), "a second cancel does nothing");
        hold.countDown();
        worker.submit(gen -> worker.deliver(gen, l -> l.onFinal("after cancel")), () -> { });
        worker.reportNow(new IllegalArgumentException("after cancel"));
        assertTrue(worker.awaitStopped(5_000));
        assertTrue(worker.cancelled());
        assertEquals(List.of("release"), released);
        assertEquals(List.of(), events.seen);
    }
}
