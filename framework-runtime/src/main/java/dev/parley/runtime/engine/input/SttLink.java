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
 * {@link SttStream}, and turns the stream's callbacks into the input listener's transcript events. Recognisers
 * answer utterances in the order they were fed, so a callback belongs to the oldest utterance still waiting for
 * its final. An STT error — or a final that does not come within the final timeout — fails every waiting
 * utterance and opens a fresh stream (late callbacks of the old one are ignored), so the next turn works.
 * Everything but the raw callbacks runs on the session actor.
 */
public final class SttLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SttLink.class);

    private final SttEngine engine;
    private final int pipelineRate;
    private final SessionActor actor;
    private final InputListener listener;
    private final ArrayDeque<Utterance> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler;
    private final long finalTimeoutMs;
    private StreamingResampler toStt;
    private SttStream stream;
    private int generation;
    private Utterance feeding;
    private boolean closed;

    /**
     * Opens the session's recognition stream.
     *
     * @param engine         the pipeline's recogniser, or null (every utterance then completes with an empty
     *                       transcript)
     * @param scheduler      runs the final-transcript timeout
     * @param finalTimeoutMs how long after an utterance ends its final may take before it counts as failed
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
        feeding = u;
        waiting.add(u);
    }

    /** Audio of the utterance being fed, at the pipeline rate. */
    void feed(short[] samples, int off, int len) {
        if (feeding == null || feeding.failed || stream == null || len == 0) {
            return;
        }
        short[] s = toStt.process(samples, off, len);
        if (s.length > 0) {
            accept(s);
        }
    }

    /** The utterance being fed is over: ask for its final. */
    void end() {
        Utterance u = feeding;
        feeding = null;
        if (u == null || u.failed) {
            return;
        }
        if (stream == null) { // no recogniser in this pipeline (or it could not be reopened)
            waiting.remove(u);
            actor.execute(() -> listener.transcriptCompleted(u.id, ""));
            return;
        }
        short[] tail = toStt.flush();
        if (tail.length > 0) {
            accept(tail);
        }
        try {
            stream.endUtterance();
        } catch (RuntimeException e) {
            error(generation, e);
            return;
        }
        int gen = generation;
        scheduler.schedule(() -> actor.execute(() -> {
            if (gen == generation && waiting.contains(u)) {
                error(gen, new TimeoutException("no result within " + finalTimeoutMs + " ms"));
            }
        }), finalTimeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Drops the utterance being fed (buffer cleared): no final will be reported for it. */
    void drop() {
        if (feeding == null) {
            return;
        }
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
        Utterance u = waiting.peek();
        if (gen != generation || closed || u == null) {
            return;
        }
        String delta = u.transcript.partial(text);
        if (delta != null) {
            listener.transcriptDelta(u.id, delta);
        }
    }

    private void finalText(int gen, String text) {
        if (gen != generation || closed || waiting.isEmpty() || waiting.peek() == feeding) {
            return; // a final for an utterance still being fed would be a recogniser bug: ignore it
        }
        Utterance u = waiting.poll();
        String delta = u.transcript.complete(text);
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
        for (Utterance u : waiting) {
            u.failed = true;
            listener.transcriptFailed(u.id, message);
        }
        waiting.clear();
        if (feeding != null) {
            feeding.failed = true;
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
