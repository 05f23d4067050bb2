package dev.parley.runtime.engine.input;

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
 * {@link SttStream}, and turns the stream's callbacks into the input listener's transcript events. An utterance
 * reaches the recogniser as one or more <em>segments</em> (one recogniser utterance each): {@link #pause()} closes
 * the segment being fed early, for a speculative final while the turn may still go on, and {@link #resume()} opens
 * the next one if the user speaks again; the utterance's transcript is its segments' finals joined. Recognisers
 * answer segments in the order they were fed, so a callback belongs to the oldest segment still waiting for its
 * final. An STT error — or a final that does not come within the final timeout — fails every waiting utterance and
 * opens a fresh stream (late callbacks of the old one are ignored), so the next turn works. Everything but the raw
 * callbacks runs on the session actor.
 */
public final class SttLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SttLink.class);

    /** One stretch of an utterance's audio, decoded as one recogniser utterance. */
    private record Segment(Utterance utterance) {
    }

    private final SttEngine engine;
    private final int pipelineRate;
    private final SessionActor actor;
    private final InputListener listener;
    private final ArrayDeque<Segment> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler;
    private final long finalTimeoutMs;
    private StreamingResampler toStt;
    private SttStream stream;
    private int generation;
    private Segment feeding;
    /** The utterance whose segment {@link #pause()} closed, until it resumes or ends. */
    private Utterance paused;
    private boolean closed;

    /**
     * Opens the session's recognition stream.
     *
     * @param engine         the pipeline's recogniser, or null (every utterance then completes with an empty
     *                       transcript)
     * @param scheduler      runs the final-transcript timeout
     * @param finalTimeoutMs how long after a segment ends its final may take before it counts as failed
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
        if (engine != null) {
            toStt = new StreamingResampler(pipelineRate, engine.sampleRate());
            stream = open();
        }
    }

    /** Starts feeding a new utterance. */
    void begin(Utterance u) {
        paused = null;
        startSegment(u);
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
     * Closes the segment being fed, so its final is decoded while the silence window runs; the utterance stays
     * open. Returns false (and does nothing) when there is no recogniser or no segment being fed.
     */
    boolean pause() {
        if (feeding == null || stream == null || feeding.utterance().failed) {
            return false;
        }
        Utterance u = feeding.utterance();
        if (!endSegment()) {
            return false;
        }
        paused = u;
        return true;
    }

    /** The user speaks again after {@link #pause()}: their audio goes to a new segment of the same utterance. */
    void resume() {
        Utterance u = paused;
        paused = null;
        if (u != null && !u.failed) {
            startSegment(u);
        }
    }

    /** The utterance being fed (or paused) is over: ask for its final, or report it if every final is in. */
    void end() {
        Utterance u = feeding != null ? feeding.utterance() : paused;
        paused = null;
        if (u == null || u.failed) {
            feeding = null;
            return;
        }
        u.ended = true;
        if (stream == null) { // no recogniser in this pipeline (or it could not be reopened)
            waiting.removeIf(s -> s.utterance() == u);
            feeding = null;
            actor.execute(() -> listener.transcriptCompleted(u.id, ""));
            return;
        }
        if (feeding != null) {
            endSegment();
        } else if (u.pendingSegments == 0) {
            actor.execute(() -> complete(u)); // posted: follows the commit's transcript release
        }
    }

    /** Drops the utterance being fed or paused (buffer cleared): no final will be reported for it. */
    void drop() {
        Utterance u = feeding != null ? feeding.utterance() : paused;
        paused = null;
        if (u == null) {
            return;
        }
        u.dropped = true; // finals of its closed segments still come, in order, and are skipped
        if (feeding != null) {
            waiting.remove(feeding);
            u.pendingSegments--;
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

    private void startSegment(Utterance u) {
        feeding = new Segment(u);
        waiting.add(feeding);
        u.pendingSegments++;
    }

    /** Ends the segment being fed; false if the recogniser failed on it. */
    private boolean endSegment() {
        Segment s = feeding;
        feeding = null;
        short[] tail = toStt.flush();
        if (tail.length > 0) {
            accept(tail);
        }
        if (s.utterance().failed) {
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
            if (gen == generation && waiting.contains(s)) {
                error(gen, new TimeoutException("no result within " + finalTimeoutMs + " ms"));
            }
        }), finalTimeoutMs, TimeUnit.MILLISECONDS);
        return true;
    }

    private void accept(short[] s) {
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
                actor.execute(() -> finalText(gen, text));
            }

            @Override
            public void onError(Throwable error) {
                actor.execute(() -> error(gen, error));
            }
        });
    }

    private void partial(int gen, String text) {
        Segment s = waiting.peek();
        if (gen != generation || closed || s == null || s.utterance().dropped) {
            return;
        }
        Utterance u = s.utterance();
        String delta = u.transcript.partial(u.with(text));
        if (delta != null) {
            listener.transcriptDelta(u.id, delta);
        }
    }

    private void finalText(int gen, String text) {
        if (gen != generation || closed || waiting.isEmpty() || waiting.peek() == feeding) {
            return; // a final for a segment still being fed would be a recogniser bug: ignore it
        }
        Utterance u = waiting.poll().utterance();
        u.pendingSegments--;
        if (u.dropped || u.failed) {
            return;
        }
        u.heard = u.with(text);
        if (u.ended && u.pendingSegments == 0) {
            complete(u);
            return;
        }
        String delta = u.transcript.segmentFinal(u.heard);
        if (delta != null) {
            listener.transcriptDelta(u.id, delta);
        }
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
        for (Segment s : waiting) {
            Utterance u = s.utterance();
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
        try {
            stream = open();
        } catch (RuntimeException e) {
            log.warn("Speech recognition could not be restarted: {}", e.toString());
            stream = null;
        }
    }
}
