package dev.parley.bench;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.SessionTaps;
import dev.parley.runtime.realtime.TraceRequest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times what the wrapped observers (metrics, traces) spend on the session's own path, in the real server: every
 * call into them runs on the thread that delivers the session's event, so the time inside them is time that
 * session's next event waits. Summed per turn (from one {@code ResponseDone} to the next, the audio appends and
 * wire events in between included), it resolves telemetry's direct cost at p99 in hundreds of turns, where the
 * end-to-end difference of two servers needs thousands; what it cannot see (allocation that brings a GC sooner,
 * the exporter's thread competing for a core) is what the end-to-end rows still carry.
 */
final class TapTimer {
    private final ConcurrentLinkedQueue<Double> perTurnMs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> criticalMs = new ConcurrentLinkedQueue<>();

    /** Per-turn time inside the wrapped observers so far (ms), in the order the turns ended. */
    Samples perTurn() {
        return samples(perTurnMs);
    }

    /**
     * Time inside the observers from the turn's end (speech stopped or input committed) to the response's first
     * audio: the window the framework overhead is measured in, so the part of their cost that can add to it.
     */
    Samples critical() {
        return samples(criticalMs);
    }

    private static Samples samples(ConcurrentLinkedQueue<Double> ms) {
        Samples s = new Samples();
        ms.forEach(s::add);
        return s;
    }

    /** Forgets the turns so far (the warm-up's). */
    void reset() {
        perTurnMs.clear();
        criticalMs.clear();
    }

    /** {@code inner}'s sessions, timed into this. */
    SessionTaps wrap(SessionTaps inner) {
        return (transport, identity, pipeline) -> new Timed(inner.open(transport, identity, pipeline));
    }

    /** One session's; the wire calls may come from the socket's thread while events come from the actor. */
    private final class Timed implements SessionTap {
        private final SessionTap tap;
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong windowNanos = new AtomicLong();
        /** Between the turn's end and the first audio chunk; written only by the actor's event calls. */
        private volatile boolean inWindow;

        Timed(SessionTap tap) {
            this.tap = tap;
        }

        private void add(long start) {
            long spent = System.nanoTime() - start;
            nanos.addAndGet(spent);
            if (inWindow) {
                windowNanos.addAndGet(spent);
            }
        }

        /** The lambda is built before the clock starts, so its allocation is not counted as the observers'. */
        private void timed(Runnable call) {
            long start = System.nanoTime();
            call.run();
            add(start);
        }

        @Override
        public void on(ConversationEvent event) {
            if (event instanceof ConversationEvent.SpeechStopped || event instanceof ConversationEvent.InputCommitted) {
                inWindow = true;
            }
            long start = System.nanoTime();
            tap.on(event);
            add(start);
            if (event instanceof ConversationEvent.AudioChunk && inWindow) {
                inWindow = false;
                criticalMs.add(windowNanos.getAndSet(0) / 1e6);
            }
            if (event instanceof ConversationEvent.ResponseDone) {
                perTurnMs.add(nanos.getAndSet(0) / 1e6);
            }
        }

        @Override
        public void errorSent(String code) {
            timed(() -> tap.errorSent(code));
        }

        @Override
        public void tracing(TraceRequest requested) {
            timed(() -> tap.tracing(requested));
        }

        @Override
        public void closed() {
            tap.closed();
        }

        @Override
        public void clientText(String json) {
            timed(() -> tap.clientText(json));
        }

        @Override
        public void clientAudio(byte[] audio) {
            timed(() -> tap.clientAudio(audio));
        }

        @Override
        public void serverEvent(byte[] utf8) {
            timed(() -> tap.serverEvent(utf8));
        }
    }
}
