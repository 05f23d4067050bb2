package dev.parley.runtime.input;

import dev.parley.api.stt.SttEngine;
import dev.parley.runtime.audio.ImageBandNoise;
import dev.parley.runtime.audio.SpectralFold;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.SessionActor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The session's recognition: feeds each utterance's audio to the {@link RecogniserStream}, and has
 * {@link PendingFinals} turn the stream's results into the input listener's transcript events.
 * {@link #pause()} closes the recogniser's utterance early, for a speculative final while the turn may still go on;
 * if the user speaks again, {@link #resume()} drops that final and has the recogniser decode the whole utterance
 * again (its audio so far is held here), so a final always covers the utterance in one piece and speculation costs
 * no accuracy. Everything but the raw recogniser callbacks runs on the session actor.
 */
public final class SttLink implements AutoCloseable {
    /** Utterances longer than this are not held for a re-decode (memory bound): they are not paused either. */
    private static final int MAX_HELD_SECONDS = 30;

    /** What the link is doing with the recogniser's input. */
    private sealed interface Input {
    }

    /** No utterance open on the recogniser's input. */
    private record Idle() implements Input {
    }

    /** {@code attempt}'s utterance is being fed to the recogniser. */
    private record Feeding(Utterance.Attempt attempt) implements Input {
    }

    /** The utterance's recogniser utterance was closed early ({@link #pause()}); it resumes or ends. */
    private record Paused(Utterance utterance) implements Input {
    }

    private static final Input IDLE = new Idle();

    private final SessionActor actor;
    private final InputListener listener;
    private final RecogniserStream recogniser;
    private final PendingFinals finals;
    private final HeldAudio held;
    private final NarrowbandInput narrowband;
    /** Non-null while the wire format is narrowband and {@link #narrowband} folds it. */
    private SpectralFold fold;
    /** Non-null while {@link #fold} is, when {@link #narrowband} also adds the image-band noise floor. */
    private ImageBandNoise noise;
    private Input input = IDLE;

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
        return open(engine, pipelineRate, actor, listener, scheduler, finalTimeoutMs, NarrowbandInput.LOWPASS);
    }

    /** As above, with the stt stage's choice for 8 kHz input ({@code narrowband}). */
    public static SttLink open(SttEngine engine, int pipelineRate, SessionActor actor, InputListener listener,
                               ScheduledExecutorService scheduler, long finalTimeoutMs, NarrowbandInput narrowband) {
        return new SttLink(engine, pipelineRate, actor, listener, scheduler, finalTimeoutMs, narrowband);
    }

    private SttLink(SttEngine engine, int pipelineRate, SessionActor actor, InputListener listener,
                    ScheduledExecutorService scheduler, long finalTimeoutMs, NarrowbandInput narrowband) {
        this.actor = actor;
        this.narrowband = narrowband;
        this.listener = listener;
        this.recogniser = new RecogniserStream(engine, pipelineRate, actor, scheduler, finalTimeoutMs);
        this.held = new HeldAudio(MAX_HELD_SECONDS * recogniser.sampleRate());
        this.finals = new PendingFinals(listener, held::clear);
        recogniser.start(finals);
    }

    /** The stt stage's choice for 8 kHz input: the wire side picks its resampler by it. */
    NarrowbandInput narrowband() {
        return narrowband;
    }

    /** The session's wire format changed: audio that came in at {@code wireRate} Hz follows. */
    void wireRate(int wireRate) {
        fold = narrowband.folds(wireRate, recogniser.sampleRate()) ? new SpectralFold() : null;
        noise = fold == null ? null : narrowband.imageNoise();
    }

    /** Starts a new utterance and feeds it from now on. */
    Utterance begin(long id, long startMs) {
        held.clear();
        Utterance u = new Utterance(id, startMs);
        startFeeding(u.attempt());
        return u;
    }

    /** Audio of the utterance being fed, at the pipeline rate. */
    void feed(short[] samples, int off, int len) {
        if (!(input instanceof Feeding f) || f.attempt().utterance().isFailed() || !recogniser.isOpen()
                || len == 0) {
            return;
        }
        short[] s = recogniser.resample(samples, off, len);
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
        if (!(input instanceof Feeding f) || !recogniser.isOpen() || f.attempt().utterance().isFailed()
                || held.overflowed()) {
            return false;
        }
        Utterance u = f.attempt().utterance();
        if (!endAttempt(f.attempt())) {
            return false;
        }
        u.speculate();
        input = new Paused(u);
        return true;
    }

    /**
     * The user speaks again after {@link #pause()}: the speculative final is void, and the recogniser decodes the
     * utterance again from its start; the caller then feeds the audio since the pause.
     */
    void resume() {
        if (!(input instanceof Paused p)) {
            return;
        }
        input = IDLE;
        Utterance u = p.utterance();
        if (u.isFailed() || !recogniser.isOpen()) {
            return;
        }
        Utterance.Attempt again = u.restream();
        if (again == null) {
            return;
        }
        startFeeding(again);
        if (held.size() > 0) {
            short[] audio = held.copy();
            held.clear(); // holdAndSend() holds it once more
            holdAndSend(audio); // already folded if it was to be
        }
    }

    /** The utterance being fed (or paused) is over: ask for its final, or report it if the final is in. */
    void end() {
        Input was = input;
        Utterance u = switch (was) {
            case Feeding f -> f.attempt().utterance();
            case Paused p -> p.utterance();
            case Idle i -> null;
        };
        if (u == null || u.isFailed()) {
            input = IDLE;
            return;
        }
        boolean finalIn = u.end();
        if (!recogniser.isOpen()) { // no recogniser in this pipeline (or it could not be reopened)
            finals.forget(u);
            input = IDLE;
            u.endUnheard();
            actor.execute(() -> listener.transcriptCompleted(u.id, ""));
            return;
        }
        if (was instanceof Feeding f) {
            endAttempt(f.attempt());
        } else {
            input = IDLE;
            if (finalIn) { // posted: follows the commit the caller reports now
                actor.execute(() -> {
                    if (!recogniser.isClosed()) {
                        finals.complete(u);
                    }
                });
            }
        }
    }

    /** Drops the utterance being fed or paused (buffer cleared): no final will be reported for it. */
    void drop() {
        Input was = input;
        input = IDLE;
        held.clear();
        switch (was) {
            case Feeding f -> {
                f.attempt().utterance().drop();
                finals.forget(f.attempt()); // its recogniser utterance is reset: no final comes
                if (recogniser.isOpen()) {
                    recogniser.reset();
                }
            }
            case Paused p -> p.utterance().drop(); // a final still in flight comes in order and is skipped
            case Idle i -> {
            }
        }
    }

    @Override
    public void close() {
        recogniser.close();
    }

    private void startFeeding(Utterance.Attempt a) {
        input = new Feeding(a);
        finals.add(a);
    }

    /** Ends the recogniser utterance being fed; false if the recogniser failed on it. */
    private boolean endAttempt(Utterance.Attempt a) {
        input = IDLE;
        short[] tail = recogniser.flushResampler();
        if (tail.length > 0) {
            accept(tail);
        }
        if (a.utterance().isFailed()) {
            return false;
        }
        return recogniser.endUtterance(() -> finals.isWaiting(a));
    }

    private void accept(short[] s) {
        if (fold != null) {
            fold.apply(s, 0, s.length);
        }
        if (noise != null) {
            noise.addTo(s, 0, s.length);
        }
        holdAndSend(s);
    }

    private void holdAndSend(short[] s) {
        held.add(s);
        recogniser.send(s);
    }
}
