package dev.parley.runtime.input;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.engine.SessionActor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's one recogniser stream and its lifecycle: audio resampled to the recogniser's rate, the final
 * timeout, and recovery. An STT error — or a final that does not come within the final timeout — is reported
 * once ({@link Results#failed}) and a fresh stream opens, so the next turn works; callbacks of the old stream are
 * ignored (each stream is a generation). Callbacks reach {@link Results} on the session actor.
 */
final class RecogniserStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecogniserStream.class);

    /** Where the stream stands. */
    enum Status {
        /** The pipeline has no recogniser: every utterance completes with an empty transcript. */
        ABSENT,
        OPEN,
        /** It failed and could not be reopened. */
        BROKEN,
        CLOSED
    }

    /** What the current stream reports, on the session actor. */
    interface Results {
        void partial(String text);

        void finalText(String text);

        /** The stream failed; it has been replaced (or is {@link Status#BROKEN}). */
        void failed(String message);
    }

    private final SttEngine engine;
    private final SessionActor actor;
    private final ScheduledExecutorService scheduler;
    private final long finalTimeoutMs;
    private final StreamingResampler toStt;
    private Results results;
    private SttStream stream;
    private int generation;
    private Status status;

    /**
     * @param engine         the recogniser, or null
     * @param finalTimeoutMs how long after a recogniser utterance ends its final may take before it counts as failed
     */
    RecogniserStream(SttEngine engine, int pipelineRate, SessionActor actor, ScheduledExecutorService scheduler,
                     long finalTimeoutMs) {
        this.engine = engine;
        this.actor = actor;
        this.scheduler = scheduler;
        this.finalTimeoutMs = finalTimeoutMs;
        this.toStt = engine == null ? null : new StreamingResampler(pipelineRate, engine.sampleRate());
        this.status = Status.ABSENT;
    }

    /** Opens the first stream (when there is a recogniser), reporting to {@code results}. */
    void start(Results results) {
        this.results = results;
        if (engine != null) {
            stream = open();
            status = Status.OPEN;
        }
    }

    /** The recogniser's rate, or 0 without one. */
    int sampleRate() {
        return engine == null ? 0 : engine.sampleRate();
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }

    boolean isClosed() {
        return status == Status.CLOSED;
    }

    /** Pipeline-rate samples → the recogniser's rate (possibly none yet). */
    short[] resample(short[] samples, int off, int len) {
        return toStt.process(samples, off, len);
    }

    /** The resampler's tail at the end of a recogniser utterance. */
    short[] flushResampler() {
        return toStt.flush();
    }

    void send(short[] samples) {
        try {
            stream.accept(new AudioChunk(samples, engine.sampleRate()));
        } catch (RuntimeException e) {
            fail(generation, e);
        }
    }

    /**
     * Ends the recogniser utterance; if its final has not come after the final timeout while
     * {@code stillWaiting} says so, the stream fails. Returns false if ending failed.
     */
    boolean endUtterance(BooleanSupplier stillWaiting) {
        try {
            stream.endUtterance();
        } catch (RuntimeException e) {
            fail(generation, e);
            return false;
        }
        int gen = generation;
        scheduler.schedule(() -> actor.execute(() -> {
            if (gen == generation && stillWaiting.getAsBoolean()) {
                fail(gen, new TimeoutException("no result within " + finalTimeoutMs + " ms"));
            }
        }), finalTimeoutMs, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Discards the recogniser utterance being fed (no final will come for it). */
    void reset() {
        toStt.reset();
        try {
            stream.reset();
        } catch (RuntimeException e) {
            fail(generation, e);
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.cancel();
            stream = null;
        }
        status = Status.CLOSED;
    }

    private SttStream open() {
        int gen = ++generation;
        return engine.open(new SttListener() {
            @Override
            public void onPartial(String text) {
                actor.execute(() -> {
                    if (current(gen)) {
                        results.partial(text);
                    }
                });
            }

            @Override
            public void onFinal(String text) {
                actor.runOrExecute(() -> {
                    if (current(gen)) {
                        results.finalText(text);
                    }
                });
            }

            @Override
            public void onError(Throwable error) {
                actor.execute(() -> fail(gen, error));
            }
        });
    }

    private boolean current(int gen) {
        return gen == generation && status != Status.CLOSED;
    }

    private void fail(int gen, Throwable error) {
        if (!current(gen)) {
            return;
        }
        String message = "Speech recognition failed: "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        log.warn("{}", message);
        results.failed(message);
        stream.cancel();
        toStt.reset();
        try {
            stream = open();
        } catch (RuntimeException e) {
            log.warn("Speech recognition could not be restarted: {}", e.toString());
            stream = null;
            status = Status.BROKEN;
        }
    }
}
