package dev.parley.runtime.input;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.SessionActor;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's recognition: feeds each utterance's audio (resampled to the recogniser's rate) to one
 * {@link SttStream}, and turns the stream's callbacks into the input listener's transcript events.
 * {@link #pause()} closes the recogniser's utterance early, for a speculative final while the turn may still go on;
 * if the user speaks again, {@link #resume()} drops that final and has the recogniser decode the whole utterance
 * again (its audio so far is held here), so a final always covers the utterance in one piece and speculation costs
 * no accuracy. Recognisers answer in the order they were fed, so a callback belongs to the oldest attempt still
 * waiting for its final. An STT error — or a final that does not come within the final timeout — fails every
 * waiting utterance and opens a fresh stream (late callbacks of the old one are ignored), so the next turn works.
 * Everything but the raw callbacks runs on the session actor.
 */
public final class SttLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SttLink.class);
    /** Utterances longer than this are not held for a re-decode (memory bound): they are not paused either. */
    private static final int MAX_HELD_SECONDS = 30;

    /** One recogniser utterance decoding (all or the start of) an utterance. */
    private record Attempt(Utterance utterance) {
    }

    private final SttEngine engine;
    private final int pipelineRate;
    private final SessionActor actor;
    private final InputListener listener;
    private final ArrayDeque<Attempt> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler;
    private final long finalTimeoutMs;
    private final HeldAudio held;
    private StreamingResampler toStt;
    private SttStream stream;
    private int generation;
    private Attempt feeding;
    /** The utterance {@link #pause()} closed early, until it resumes or ends. */
    private Utterance paused;
    private boolean closed;

    /**
     * Opens the session's recognition stream.
     *
     * @param engine         the pipeline's recogniser, or null (every utterance then completes with an empty
     *                       transcript)
     * @param scheduler      runs the final-transcript timeout
     * @param finalTimeoutMs how long after a recogniser utterance ends its final may take before it counts as failed
     */
    public static SttLink open(SttEngine engine, int pipelineRate, SessionActor actor, InputListener listener,
                               ScheduledExecutorService scheduler, long finalTimeoutMs) {
        return new SttLink(engine, pipelineRate, actor, listener, scheduler, finalTimeoutMs);
    }

    private SttLink(SttEngine engine, int pipelineRate, SessionActor actor, InputListener listener,
                    ScheduledExecutorService scheduler, long finalTimeoutMs) {
        this.scheduler = scheduler;
        this.finalTimeoutMs = finalTimeoutMs;
        this.engine = engine;
        this.pipelineRate = pipelineRate;
        this.actor = actor;
        this.listener = listener;
        this.held = new HeldAudio(engine == null ? 0 : MAX_HELD_SECONDS * engine.sampleRate());
        if (engine != null) {
            toStt = new StreamingResampler(pipelineRate, engine.sampleRate());
            stream = open();
        }
    }

    /** Starts feeding a new utterance. */
    void begin(Utterance u) {
        paused = null;
        held.clear();
        startAttempt(u);
    }

    /** Audio of the utterance being fed, at the pipeline rate. */
    void feed(short[] samples, int off, int len) {
        if (feeding == null || feeding.utterance().failed || stream == null || len == 0) {
            return;
        }
        short[] s = toStt.process(samples, off, len);
        if (s.length > 0) {
            accept(s);
        }
    }

    /**
     * Closes the recogniser's utterance early, so its final is decoded while the silence window runs; the
     * utterance stays open. Returns false (and does nothing) when there is no recogniser, nothing being fed, or
     * the utterance is too long to be held for a re-decode.
     */
    boolean pause() {
        if (feeding == null || stream == null || feeding.utterance().failed || held.overflowed()) {
            return false;
        }
        Utterance u = feeding.utterance();
        if (!endAttempt()) {
            return false;
        }
        paused = u;
        return true;
    }

    /**
     * The user speaks again after {@link #pause()}: the speculative final is void, and the recogniser decodes the
     * utterance again from its start; the caller then feeds the audio since the pause.
     */
    void resume() {
        Utterance u = paused;
        paused = null;
        if (u == null || u.failed || stream == null) {
            return;
        }
        startAttempt(u);
        if (held.size() > 0) {
            short[] again = held.copy();
            held.clear(); // accept() holds it once more
            accept(again);
        }
    }

    /** The utterance being fed (or paused) is over: ask for its final, or report it if the final is in. */
    void end() {
        Utterance u = feeding != null ? feeding.utterance() : paused;
        paused = null;
        if (u == null || u.failed) {
            feeding = null;
            return;
        }
        u.ended = true;
        if (stream == null) { // no recogniser in this pipeline (or it could not be reopened)
            waiting.removeIf(a -> a.utterance() == u);
            feeding = null;
            actor.execute(() -> listener.transcriptCompleted(u.id, ""));
            return;
        }
        if (feeding != null) {
            endAttempt();
        } else if (u.finalReady) {
            actor.execute(() -> complete(u)); // posted: follows the commit's transcript release
        }
    }

    /** Drops the utterance being fed or paused (buffer cleared): no final will be reported for it. */
    void drop() {
        Utterance u = feeding != null ? feeding.utterance() : paused;
        paused = null;
        held.clear();
        if (u == null) {
            return;
        }
        u.dropped = true; // a final still in flight comes in order and is skipped
        if (feeding != null) {
            waiting.remove(feeding);
            feeding = null;
            if (stream != null) {
                toStt.reset();
                try {
                    stream.reset();
                } catch (RuntimeException e) {
                    error(generation, e);
                }
            }
        }
    }

    /**
     * The utterance was committed: transcript deltas may flow. Posted, so they follow the session's
     * {@code committed} event, which the session emits after the current task.
     */
    void committed(Utterance u) {
        actor.execute(() -> {
            String delta = u.transcript.release();
            if (delta != null && !closed) {
                listener.transcriptDelta(u.id, delta);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (stream != null) {
            stream.cancel();
            stream = null;
        }
    }

    private void startAttempt(Utterance u) {
        feeding = new Attempt(u);
        u.attempt = feeding;
        u.finalReady = false;
        waiting.add(feeding);
    }

    /** Ends the recogniser utterance being fed; false if the recogniser failed on it. */
    private boolean endAttempt() {
        Attempt a = feeding;
        feeding = null;
        short[] tail = toStt.flush();
        if (tail.length > 0) {
            accept(tail);
        }
        if (a.utterance().failed) {
            return false;
        }
        try {
            stream.endUtterance();
        } catch (RuntimeException e) {
            error(generation, e);
            return false;
        }
        int gen = generation;
        scheduler.schedule(() -> actor.execute(() -> {
            if (gen == generation && waiting.contains(a)) {
                error(gen, new TimeoutException("no result within " + finalTimeoutMs + " ms"));
            }
        }), finalTimeoutMs, TimeUnit.MILLISECONDS);
        return true;
    }

    private void accept(short[] s) {
        held.add(s);
        try {
            stream.accept(new AudioChunk(s, engine.sampleRate()));
        } catch (RuntimeException e) {
            error(generation, e);
        }
    }

    private SttStream open() {
        int gen = ++generation;
        return engine.open(new SttListener() {
            @Override
            public void onPartial(String text) {
                actor.execute(() -> partial(gen, text));
            }

            @Override
            public void onFinal(String text) {
                actor.runOrExecute(() -> finalText(gen, text));
            }

            @Override
            public void onError(Throwable error) {
                actor.execute(() -> error(gen, error));
            }
        });
    }

    private void partial(int gen, String text) {
        Attempt a = waiting.peek();
        if (gen != generation || closed || a == null || !current(a)) {
            return;
        }
        Utterance u = a.utterance();
        String delta = u.transcript.partial(text);
        if (delta != null) {
            listener.transcriptDelta(u.id, delta);
        }
    }

    private void finalText(int gen, String text) {
        if (gen != generation || closed || waiting.isEmpty() || waiting.peek() == feeding) {
            return; // a final for an attempt still being fed would be a recogniser bug: ignore it
        }
        Attempt a = waiting.poll();
        if (!current(a)) {
            return; // a speculative final the user's further speech made void, or a dropped utterance's
        }
        Utterance u = a.utterance();
        u.heard = text == null ? "" : text;
        u.finalReady = true;
        if (u.ended) {
            complete(u);
        } else {
            u.transcript.segmentFinal(u.heard); // not committed yet: only the end-of-turn policy sees it
        }
    }

    /** The attempt still counts: the latest for its utterance, which is neither dropped nor failed. */
    private static boolean current(Attempt a) {
        Utterance u = a.utterance();
        return u.attempt == a && !u.dropped && !u.failed;
    }

    private void complete(Utterance u) {
        if (closed || u.failed || u.dropped) {
            return;
        }
        String delta = u.transcript.complete(u.heard);
        if (delta != null) {
            listener.transcriptDelta(u.id, delta);
        }
        listener.transcriptCompleted(u.id, u.transcript.latest());
    }

    private void error(int gen, Throwable error) {
        if (gen != generation || closed) {
            return;
        }
        String message = "Speech recognition failed: "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        log.warn("{}", message);
        for (Attempt a : waiting) {
            Utterance u = a.utterance();
            if (!u.failed && !u.dropped) {
                u.failed = true;
                listener.transcriptFailed(u.id, message);
            }
        }
        waiting.clear();
        if (feeding != null) {
            feeding.utterance().failed = true;
        }
        stream.cancel();
        toStt.reset();
        held.clear();
        try {
            stream = open();
        } catch (RuntimeException e) {
            log.warn("Speech recognition could not be restarted: {}", e.toString());
            stream = null;
        }
    }
}
