package dev.parley.runtime.input;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.InputPipeline;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.InputMode.VadTurns;
import dev.parley.runtime.input.turn.EndOfTurnPolicy;
import dev.parley.runtime.input.turn.TurnPolicies;
import dev.parley.runtime.input.vad.SpeechSegmenter;
import dev.parley.runtime.input.vad.VadTiming;
import java.util.Objects;

/**
 * One session's audio input: wire audio → decode → resample to the pipeline rate → denoise when on ({@link WireInput})
 * → VAD frames ({@link VadFrames}) → {@link SpeechSegmenter} → utterances streamed to STT with their prefix padding
 * ({@link SttLink}) → turn end when the trailing silence ({@link UserTurn}) reaches the {@link EndOfTurnPolicy}'s
 * window. Shortly before the window closes the {@link SpeculativeFinal} pauses the recognition, so the
 * recogniser's final pass overlaps the silence. In manual mode (no turn detection) all audio since the last commit
 * is one utterance, streamed to STT as it arrives. Session times are milliseconds of audio appended since the
 * session began (cumulative, whatever the format). Runs on the session actor; the listener is called there too.
 */
public final class VadInputPipeline implements InputPipeline {
    /** The protocol's minimum for a commit. */
    static final long MIN_COMMIT_MS = 100;
    private static final int WIRE_SLACK_MS = 1000;

    private final int rate;
    private final VadStream vad;
    private final int frameMs;
    private final VadTiming vadTiming;
    private final TurnDetector detector;
    private final SessionActor actor;
    private final InputListener listener;
    private final SttLink stt;
    private final WireInput wireIn;
    private final VadFrames frames;
    private final UserTurn user = new UserTurn();
    private final SpeculativeFinal speculative;
    private final IdleTimer idle = new IdleTimer();
    /** Null until the first {@link #configure}. */
    private InputMode mode;
    private WireRecorder wire;

    /**
     * @param vadEngine  the pipeline's detector; its rate must be the pipeline rate
     * @param denoise    the pipeline's noise suppressor, or null; on while the session's noise_reduction is set
     * @param earlyFinal when to pause recognition for a speculative final
     * @param stt        recognition of this session
     * @param detector   semantic turn detector, or null
     */
    public VadInputPipeline(int pipelineRate, VadEngine vadEngine, DenoiseEngine denoise, VadTiming vadTiming,
                            EarlyFinalPolicy earlyFinal, TurnDetector detector, SttLink stt, SessionActor actor,
                            InputListener listener, InputSettings initial) {
        if (vadEngine == null) {
            throw new IllegalStateException("The pipeline has no vad stage: audio input needs one");
        }
        if (vadEngine.sampleRate() != pipelineRate) {
            throw new IllegalStateException("The VAD runs at " + vadEngine.sampleRate() + " Hz but the pipeline at "
                    + pipelineRate + " Hz: set the pipeline's sample_rate to the VAD's rate");
        }
        this.rate = pipelineRate;
        this.vad = vadEngine.open();
        this.frameMs = Math.max(1, vadEngine.frameSamples() * 1000 / pipelineRate);
        this.vadTiming = vadTiming;
        this.detector = detector;
        this.stt = stt;
        this.actor = actor;
        this.listener = listener;
        this.wireIn = new WireInput(pipelineRate, denoise, stt.narrowband());
        this.frames = new VadFrames(pipelineRate, vadEngine.frameSamples(), this::onFrame);
        this.speculative = new SpeculativeFinal(earlyFinal, stt);
        configure(initial);
    }

    @Override
    public void append(byte[] appended) {
        byte[] wireAudio = wireIn.alignToSamples(appended);
        if (mode == InputMode.MANUAL && user.listening()) { // manual: all audio since the last commit is one utterance
            user.speaking(stt.begin(user.nextId(), audioMs()));
            wire.startUtterance(0);
        }
        wire.add(wireAudio);
        short[] samples = wireIn.decode(wireAudio);
        if (mode == InputMode.MANUAL) {
            frames.advance(samples.length);
            stt.feed(samples, 0, samples.length);
            return;
        }
        frames.add(samples);
        if (user.listening() && idle.due(audioMs())) {
            idleTimeout();
        }
    }

    private void onFrame(short[] frame) {
        VadTurns turns = (VadTurns) mode;
        SpeechSegmenter segmenter = turns.segmenter();
        long nowMs = frames.nowMs();
        SpeechSegmenter.Transition t = segmenter.accept(vad.speechProbability(frame));
        if (t == SpeechSegmenter.Transition.ONSET) {
            idle.disarm();
            if (user.listening()) {
                startUtterance(turns.settings(), segmenter, nowMs);
                return;
            }
            user.speechResumed(); // speech resumed before the turn ended: same utterance
        }
        Utterance u = user.utterance();
        if (u == null) {
            return;
        }
        if (t == SpeechSegmenter.Transition.OFFSET) {
            user.speechEnded(nowMs - segmenter.offsetDelayMs());
        }
        long silenceMs = user.silenceMs(nowMs, segmenter.trailingSilenceMs());
        speculative.feed(frame, silenceMs, frames);
        long requiredMs = turns.policy().requiredSilenceMs(u.transcript.latest());
        if (silenceMs > 0 && silenceMs >= requiredMs) {
            turnEnd(segmenter, nowMs, silenceMs);
        } else {
            speculative.requestIfDue(silenceMs, requiredMs, frames.clockSamples());
        }
    }

    private void startUtterance(TurnDetection turn, SpeechSegmenter segmenter, long nowMs) {
        long onsetMs = nowMs - segmenter.onsetDelayMs();
        long startMs = Math.max(Math.max(user.lastResetMs(), onsetMs - turn.prefixPaddingMs()),
                nowMs - frames.heldMs());
        speculative.reset();
        wire.startUtterance(audioMs() - startMs);
        long id = user.nextId();
        listener.speechStarted(id, startMs);
        Utterance u = stt.begin(id, startMs);
        user.speaking(u);
        short[] prefix = frames.lastMs(nowMs - startMs);
        stt.feed(prefix, 0, prefix.length);
    }

    private void turnEnd(SpeechSegmenter segmenter, long nowMs, long silenceMs) {
        long turnEndNanos = System.nanoTime();
        long speechEndNanos = turnEndNanos - silenceMs * 1_000_000L;
        Utterance u = user.finish(nowMs);
        CommittedAudio audio = new CommittedAudio(u.id, wire.endUtterance(), wireIn.format(), u.startMs, nowMs,
                turnEndNanos, speechEndNanos);
        speculative.reset();
        // With a silence window shorter than the hangover the segmenter still counts this as speech; speech
        // resuming now must start a new utterance, so the segmenter has to see it as an onset.
        segmenter.reset();
        listener.speechStopped(u.id, nowMs, audio);
        stt.end();
    }

    private void idleTimeout() {
        long nowMs = audioMs();
        long startMs = idle.armedAtMs();
        idle.disarm();
        long id = user.nextId();
        long held = Math.min(wire.ringMs(), nowMs - Math.max(startMs, user.lastResetMs()));
        wire.startUtterance(held);
        CommittedAudio audio = new CommittedAudio(id, wire.endUtterance(), wireIn.format(), startMs, nowMs,
                System.nanoTime());
        user.resetAt(nowMs);
        listener.idleTimeout(id, startMs, nowMs, audio);
        actor.execute(() -> listener.transcriptCompleted(id, "")); // silence: nothing to transcribe
    }

    @Override
    public CommittedAudio commit() {
        long nowMs = audioMs();
        Utterance u = user.utterance();
        if (u == null) {
            if (mode == InputMode.MANUAL) {
                return null;
            }
            // VAD mode with no speech under way: commit the audio still held since the last commit or clear
            long held = Math.min(Math.min(wire.ringMs(), frames.heldMs()), nowMs - user.lastResetMs());
            if (held < MIN_COMMIT_MS) {
                return null;
            }
            wire.startUtterance(held);
            u = stt.begin(user.nextId(), nowMs - held);
            short[] samples = frames.lastMs(held);
            stt.feed(samples, 0, samples.length);
        } else if (nowMs - u.startMs < MIN_COMMIT_MS) {
            return null;
        }
        CommittedAudio audio = new CommittedAudio(u.id, wire.endUtterance(), wireIn.format(), u.startMs, nowMs, 0);
        user.finish(nowMs);
        speculative.reset();
        if (mode instanceof VadTurns turns) {
            turns.segmenter().reset();
        }
        stt.end();
        return audio;
    }

    @Override
    public void clear() {
        if (!user.listening()) {
            dropUtterance();
        }
        wireIn.clear();
        wire.clear();
        frames.clear();
        if (mode instanceof VadTurns turns) {
            turns.segmenter().reset();
        }
        vad.reset();
        user.resetAt(audioMs());
    }

    @Override
    public void configure(InputSettings next) {
        boolean first = mode == null;
        TurnDetection td = next.turnDetection();
        boolean formatChanged = first || next.format() != wireIn.format();
        boolean modeChanged = first || (td == null) != (mode == InputMode.MANUAL);
        if ((formatChanged || modeChanged) && !user.listening()) {
            dropUtterance(); // an utterance cannot straddle a format or mode switch
        }
        if (formatChanged) {
            // The resampler holds back ~1 ms for its look-ahead; without this lead a 20 ms frame would complete only
            // when the next 20 ms append arrives, which put 20 ms on every onset and every end of turn.
            frames.align(wireIn.switchTo(next.format()));
            stt.wireRate(next.format().sampleRate());
        }
        wireIn.noiseReduction(NoiseProfile.fromWireName(next.noiseReduction())); // from the next append on
        boolean turnChanged = first || !Objects.equals(td, mode instanceof VadTurns v ? v.settings() : null);
        int prefixMs = td == null ? 0 : td.prefixPaddingMs();
        int ringMs = prefixMs + vadTiming.minSpeechMs() + 2 * frameMs + 100;
        if (formatChanged || frames.ringCapacity() != ringMs * rate / 1000) {
            if (!user.listening()) {
                dropUtterance();
            }
            // The wire ring also spans one large append (clients send up to ~1 s at once): the prefix is cut from
            // it after the whole append arrived.
            wire = new WireRecorder(next.format(), ringMs + WIRE_SLACK_MS);
            frames.resizeRing(ringMs * rate / 1000);
        }
        if (turnChanged) {
            mode = td == null ? InputMode.MANUAL : new VadTurns(td, vadTiming.segmenter(td.threshold(), frameMs),
                    TurnPolicies.forSettings(td, detector));
            if (!user.listening() && td != null) {
                // A fresh segmenter is not "speaking": count silence from now, so the turn can still end; an
                // onset while the user goes on talking resets it.
                user.speechEnded(frames.nowMs());
            }
        }
        if (td == null || td.idleTimeoutMs() == null) {
            idle.disarm();
        }
    }

    /** Drops the open utterance: no stop, no transcript for it. */
    private void dropUtterance() {
        stt.drop();
        user.abandon();
        speculative.reset();
    }

    @Override
    public long audioMs() {
        return wireIn.audioMs();
    }

    @Override
    public void responseFinished() {
        responseFinished(0);
    }

    /** Armed from the end of playback on the audio clock: a real-time client's audio keeps pace with it. */
    @Override
    public void responseFinished(long playbackLeftMs) {
        if (mode instanceof VadTurns turns && turns.settings().type() == TurnDetection.Type.SERVER_VAD
                && turns.settings().idleTimeoutMs() != null && user.listening()) {
            idle.arm(audioMs() + Math.max(0, playbackLeftMs), turns.settings().idleTimeoutMs());
        }
    }

    @Override
    public void close() {
        stt.close();
        vad.close();
        wireIn.close();
    }
}
