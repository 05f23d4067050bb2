package dev.parley.runtime.input;

import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.InputPipeline;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.turn.EndOfTurnPolicy;
import dev.parley.runtime.input.turn.TurnPolicies;
import dev.parley.runtime.input.vad.SpeechSegmenter;
import dev.parley.runtime.input.vad.VadTiming;

/**
 * One session's audio input: wire audio → decode → resample to the pipeline rate → VAD frames →
 * {@link SpeechSegmenter} → utterances streamed to STT (with their prefix padding) → turn end when the trailing
 * silence reaches the {@link EndOfTurnPolicy}'s window. Shortly before the window closes the {@link EarlyFinalPolicy}
 * pauses the recognition for a speculative final, so the recogniser's final pass overlaps the silence; speech
 * resuming inside the window resumes it with the audio since the pause. In manual mode (no turn detection) all audio since the
 * last commit is one utterance, streamed to STT as it arrives. Session times are milliseconds of audio appended
 * since the session began (cumulative, whatever the format). Runs on the session actor; the listener is called
 * there too.
 */
public final class VadInputPipeline implements InputPipeline {
    /** The protocol's minimum for a commit. */
    static final long MIN_COMMIT_MS = 100;
    private static final int WIRE_SLACK_MS = 1000;

    private final int rate;
    private final VadStream vad;
    private final int frameSamples;
    private final int frameMs;
    private final VadTiming vadTiming;
    private final EarlyFinalPolicy earlyFinal;
    private final TurnDetector detector;
    private final SessionActor actor;
    private final InputListener listener;
    private final SttLink stt;
    private final FrameAssembler frames;
    private final IdleTimer idle = new IdleTimer();

    private InputSettings settings;
    private TurnDetection turn;
    private WireFormat format;
    private StreamingResampler toPipeline;
    private WireRecorder wire;
    private SampleRing ring;
    private SpeechSegmenter segmenter;
    private EndOfTurnPolicy policy;
    private long wireMsBase;
    private long wireBytes;
    private long clockSamples;
    private long lastResetMs;
    private long utterances;
    private Utterance current;
    private long speechEndMs = -1;
    /** Recognition of {@link #current} is paused for a speculative final; the silence and clock at the pause. */
    private boolean sttPaused;
    private long pausedSilenceMs;
    private long pausedAtSamples;
    /** A pcm16 byte waiting for its partner from the next append, or -1. */
    private int carry = -1;

    /**
     * @param vadEngine  the pipeline's detector; its rate must be the pipeline rate
     * @param earlyFinal when to pause recognition for a speculative final
     * @param stt        recognition of this session
     * @param detector   semantic turn detector, or null
     */
    public VadInputPipeline(int pipelineRate, VadEngine vadEngine, VadTiming vadTiming, EarlyFinalPolicy earlyFinal,
                            TurnDetector detector, SttLink stt, SessionActor actor, InputListener listener,
                            InputSettings initial) {
        if (vadEngine == null) {
            throw new IllegalStateException("The pipeline has no vad stage: audio input needs one");
        }
        if (vadEngine.sampleRate() != pipelineRate) {
            throw new IllegalStateException("The VAD runs at " + vadEngine.sampleRate() + " Hz but the pipeline at "
                    + pipelineRate + " Hz: set the pipeline's sample_rate to the VAD's rate");
        }
        this.rate = pipelineRate;
        this.vad = vadEngine.open();
        this.frameSamples = vadEngine.frameSamples();
        this.frameMs = Math.max(1, frameSamples * 1000 / pipelineRate);
        this.vadTiming = vadTiming;
        this.earlyFinal = earlyFinal;
        this.detector = detector;
        this.stt = stt;
        this.actor = actor;
        this.listener = listener;
        this.frames = new FrameAssembler(frameSamples);
        configure(initial);
    }

    @Override
    public void append(byte[] appended) {
        byte[] wireAudio = alignToSamples(appended);
        int len = wireAudio.length;
        if (turn == null && current == null) { // manual mode: everything since the last commit is one utterance
            current = new Utterance(++utterances, audioMs());
            wire.startUtterance(0);
            stt.begin(current);
        }
        wire.add(wireAudio);
        wireBytes += len;
        short[] pcm = new short[WireCodec.samplesIn(format, len)];
        WireCodec.decode(format, wireAudio, 0, len, pcm, 0);
        short[] samples = toPipeline.process(pcm, 0, pcm.length);
        if (turn == null) {
            clockSamples += samples.length;
            stt.feed(samples, 0, samples.length);
            return;
        }
        frames.add(samples, this::onFrame);
        if (current == null && idle.due(audioMs())) {
            idleTimeout();
        }
    }

    /**
     * pcm16 appends may split a sample across two events: the odd byte is carried to the next append, so the
     * stream never slips by a byte.
     */
    private byte[] alignToSamples(byte[] in) {
        boolean hasCarry = carry >= 0;
        int total = in.length + (hasCarry ? 1 : 0);
        if (format.bytesPerSample() == 1 || (!hasCarry && total % 2 == 0)) {
            return in;
        }
        byte[] out = new byte[total & ~1];
        if (out.length == 0) {
            if (!hasCarry) {
                carry = in[0] & 0xff;
            }
            return out;
        }
        int o = 0;
        if (hasCarry) {
            out[o++] = (byte) carry;
        }
        System.arraycopy(in, 0, out, o, out.length - o);
        carry = total % 2 == 1 ? in[in.length - 1] & 0xff : -1;
        return out;
    }

    private void onFrame(short[] frame) {
        ring.add(frame, 0, frame.length);
        clockSamples += frame.length;
        long nowMs = clockMs();
        SpeechSegmenter.Transition t = segmenter.accept(vad.speechProbability(frame));
        if (t == SpeechSegmenter.Transition.ONSET) {
            idle.disarm();
            if (current == null) {
                startUtterance(nowMs);
                return;
            }
            speechEndMs = -1; // speech resumed before the turn ended: same utterance
        }
        if (current == null) {
            return;
        }
        if (t == SpeechSegmenter.Transition.OFFSET) {
            speechEndMs = nowMs - segmenter.offsetDelayMs();
        }
        // Silence counts from the last voiced frame, also before the hangover has reported the offset: a silence
        // window shorter than the hangover must end the turn on time, not when the hangover runs out.
        long silenceMs = speechEndMs >= 0 ? nowMs - speechEndMs : segmenter.trailingSilenceMs();
        feedStt(frame, silenceMs);
        long requiredMs = policy.requiredSilenceMs(current.transcript.latest());
        if (silenceMs > 0 && silenceMs >= requiredMs) {
            speechEndMs = nowMs - silenceMs;
            turnEnd(nowMs);
        } else if (!sttPaused && earlyFinal.due(silenceMs, requiredMs) && stt.pause()) {
            sttPaused = true;
            pausedSilenceMs = silenceMs;
            pausedAtSamples = clockSamples;
        }
    }

    /** The frame to the recogniser — or, when the user speaks again after a pause, every frame since the pause. */
    private void feedStt(short[] frame, long silenceMs) {
        if (!sttPaused) {
            stt.feed(frame, 0, frame.length);
        } else if (silenceMs < pausedSilenceMs) { // a voiced frame restarted the silence count
            sttPaused = false;
            stt.resume();
            short[] since = ring.last((int) Math.min(clockSamples - pausedAtSamples, ring.size()));
            stt.feed(since, 0, since.length);
        }
    }

    private void startUtterance(long nowMs) {
        long onsetMs = nowMs - segmenter.onsetDelayMs();
        long startMs = Math.max(Math.max(lastResetMs, onsetMs - turn.prefixPaddingMs()),
                nowMs - samplesToMs(ring.size()));
        current = new Utterance(++utterances, startMs);
        speechEndMs = -1;
        sttPaused = false;
        wire.startUtterance(audioMs() - startMs);
        listener.speechStarted(current.id, startMs);
        stt.begin(current);
        short[] prefix = ring.last((int) ((nowMs - startMs) * rate / 1000));
        stt.feed(prefix, 0, prefix.length);
    }

    private void turnEnd(long nowMs) {
        Utterance u = current;
        long turnEndNanos = System.nanoTime();
        long speechEndNanos = turnEndNanos - (nowMs - speechEndMs) * 1_000_000L;
        CommittedAudio audio = new CommittedAudio(u.id, wire.endUtterance(), format, u.startMs, nowMs, turnEndNanos,
                speechEndNanos);
        current = null;
        sttPaused = false;
        speechEndMs = -1;
        lastResetMs = nowMs;
        // With a silence window shorter than the hangover the segmenter still counts this as speech; speech
        // resuming now must start a new utterance, so the segmenter has to see it as an onset.
        segmenter.reset();
        listener.speechStopped(u.id, nowMs, audio);
        stt.committed(u);
        stt.end();
    }

    private void idleTimeout() {
        long nowMs = audioMs();
        long startMs = idle.armedAtMs();
        idle.disarm();
        Utterance u = new Utterance(++utterances, startMs);
        long held = Math.min(wire.ringMs(), nowMs - Math.max(startMs, lastResetMs));
        wire.startUtterance(held);
        CommittedAudio audio = new CommittedAudio(u.id, wire.endUtterance(), format, startMs, nowMs, System.nanoTime());
        lastResetMs = nowMs;
        listener.idleTimeout(u.id, startMs, nowMs, audio);
        actor.execute(() -> listener.transcriptCompleted(u.id, "")); // silence: nothing to transcribe
    }

    @Override
    public CommittedAudio commit() {
        long nowMs = audioMs();
        Utterance u = current;
        if (u == null) {
            if (turn == null) {
                return null;
            }
            // VAD mode with no speech under way: commit the audio still held since the last commit or clear
            long held = Math.min(Math.min(wire.ringMs(), samplesToMs(ring.size())), nowMs - lastResetMs);
            if (held < MIN_COMMIT_MS) {
                return null;
            }
            u = new Utterance(++utterances, nowMs - held);
            wire.startUtterance(held);
            stt.begin(u);
            short[] samples = ring.last((int) (held * rate / 1000));
            stt.feed(samples, 0, samples.length);
        } else if (nowMs - u.startMs < MIN_COMMIT_MS) {
            return null;
        }
        CommittedAudio audio = new CommittedAudio(u.id, wire.endUtterance(), format, u.startMs, nowMs, 0);
        current = null;
        sttPaused = false;
        speechEndMs = -1;
        lastResetMs = nowMs;
        if (segmenter != null) {
            segmenter.reset();
        }
        stt.committed(u);
        stt.end();
        return audio;
    }

    @Override
    public void clear() {
        if (current != null) {
            stt.drop();
            current = null;
            sttPaused = false;
        }
        speechEndMs = -1;
        carry = -1;
        wire.clear();
        ring.clear();
        frames.clear();
        if (segmenter != null) {
            segmenter.reset();
        }
        vad.reset();
        lastResetMs = audioMs();
    }

    @Override
    public void configure(InputSettings next) {
        boolean formatChanged = settings == null || next.format() != format;
        boolean modeChanged = settings == null || (next.turnDetection() == null) != (turn == null);
        if ((formatChanged || modeChanged) && current != null) {
            stt.drop(); // an utterance cannot straddle a format or mode switch
            current = null;
            sttPaused = false;
            speechEndMs = -1;
        }
        if (formatChanged) {
            wireMsBase = audioMsOrZero();
            wireBytes = 0;
            format = next.format();
            carry = -1;
            toPipeline = new StreamingResampler(format.sampleRate(), rate);
            // The resampler holds back ~1 ms for its look-ahead; without this lead a 20 ms frame would complete only
            // when the next 20 ms append arrives, which put 20 ms on every onset and every end of turn.
            frames.align(toPipeline.lagSamples());
        }
        boolean turnChanged = settings == null || !java.util.Objects.equals(next.turnDetection(), turn);
        settings = next;
        turn = next.turnDetection();
        int prefixMs = turn == null ? 0 : turn.prefixPaddingMs();
        int ringMs = prefixMs + vadTiming.minSpeechMs() + 2 * frameMs + 100;
        if (formatChanged || ring.capacity() != ringMs * rate / 1000) {
            if (current != null) {
                stt.drop();
                current = null;
                sttPaused = false;
                speechEndMs = -1;
            }
            // The wire ring also spans one large append (clients send up to ~1 s at once): the prefix is cut from
            // it after the whole append arrived.
            wire = new WireRecorder(format, ringMs + WIRE_SLACK_MS);
            ring = new SampleRing(ringMs * rate / 1000);
        }
        if (turnChanged || segmenter == null && turn != null) {
            segmenter = turn == null ? null : vadTiming.segmenter(turn.threshold(), frameMs);
            policy = TurnPolicies.forSettings(turn, detector);
            if (current != null && segmenter != null) {
                // A fresh segmenter is not "speaking": count silence from now, so the turn can still end; an
                // onset while the user goes on talking resets it.
                speechEndMs = clockMs();
            }
        }
        if (turn == null || turn.idleTimeoutMs() == null) {
            idle.disarm();
        }
    }

    @Override
    public long audioMs() {
        return wireMsBase + format.millis(wireBytes);
    }

    private long audioMsOrZero() {
        return format == null ? 0 : audioMs();
    }

    @Override
    public void responseFinished() {
        if (turn != null && turn.type() == TurnDetection.Type.SERVER_VAD && turn.idleTimeoutMs() != null
                && current == null) {
            idle.arm(audioMs(), turn.idleTimeoutMs());
        }
    }

    @Override
    public void close() {
        stt.close();
        vad.close();
    }

    private long clockMs() {
        return samplesToMs(clockSamples);
    }

    private long samplesToMs(long samples) {
        return samples * 1000 / rate;
    }
}
