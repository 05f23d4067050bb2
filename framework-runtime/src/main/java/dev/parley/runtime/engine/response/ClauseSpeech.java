package dev.parley.runtime.engine.response;

import dev.parley.runtime.engine.SessionActor;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The synthesis of one clause. Audio is resampled and encoded to the output wire format on the TTS engine's
 * thread (so the session actor only moves bytes), then posted to the actor for {@link ClausePipeline}.
 * Once its run stops speaking ({@code speaking} false) nothing more is posted; {@link #cancel()} stops the TTS.
 */
final class ClauseSpeech implements TtsListener {
    /** Receives this clause's events on the actor. */
    interface Owner {
        void clauseAudio(ClauseSpeech clause, byte[] wire);

        void clauseDone(ClauseSpeech clause);

        void clauseFailed(ClauseSpeech clause, Throwable error);
    }

    final int index;
    final String text;
    private final WireFormat format;
    private final SessionActor actor;
    private final Owner owner;
    private final ResponseTiming timing;
    private final BooleanSupplier speaking;
    private volatile boolean finished;
    private volatile long lastActivityNanos;
    /** The first audio was reported to the stage clock (read and written on the TTS callback thread only). */
    private boolean audioSeen;
    private TtsSynthesis synthesis;
    private CpuPriority priority;
    private StreamingResampler resampler;

    // Touched only on the actor, by ClausePipeline.
    final List<byte[]> held = new ArrayList<>(0);
    boolean started;
    boolean doneSeen;
    boolean textReleased;

    ClauseSpeech(int index, String text, WireFormat format, SessionActor actor, Owner owner, ResponseTiming timing,
                 BooleanSupplier speaking) {
        this.speaking = speaking;
        this.index = index;
        this.text = text;
        this.format = format;
        this.actor = actor;
        this.owner = owner;
        this.timing = timing;
    }

    /** True when the clause has nothing to say (whitespace or punctuation only): no synthesis needed. */
    boolean silent() {
        return text.chars().noneMatch(Character::isLetterOrDigit);
    }

    /** Starts synthesis (returns at once). A synchronous failure is reported like an asynchronous one. */
    void start(TtsEngine tts, VoiceSettings voice, CpuPriority first) {
        lastActivityNanos = System.nanoTime();
        timing.clauseStarted(index, text.length(), lastActivityNanos);
        priority = first;
        try {
            synthesis = tts.synthesize(text.strip(), voice, this, first);
        } catch (RuntimeException e) {
            onError(e);
        }
    }

    /** On the actor: the rest of the synthesis runs at {@code p} (see {@link SynthesisPriority}). */
    void priority(CpuPriority p) {
        TtsSynthesis s = synthesis;
        if (p != priority && s != null) {
            priority = p;
            s.priority(p);
        }
    }

    boolean finished() {
        return finished || !speaking.getAsBoolean();
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void cancel() {
        TtsSynthesis s = synthesis;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onAudio(AudioChunk chunk) {
        if (!speaking.getAsBoolean()) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        timing.mark(ResponseTiming.Stage.TTS_FIRST_AUDIO, lastActivityNanos);
        if (!audioSeen) {
            audioSeen = true;
            timing.clauseAudio(index, lastActivityNanos);
        }
        if (resampler == null || resampler.inRate() != chunk.sampleRate()) {
            resampler = new StreamingResampler(chunk.sampleRate(), format.sampleRate());
        }
        short[] pcm = resampler.process(chunk.samples(), 0, chunk.samples().length);
        post(pcm);
    }

    @Override
    public void onDone() {
        if (!speaking.getAsBoolean()) {
            return;
        }
        if (resampler != null) {
            post(resampler.flush());
        }
        finished = true;
        timing.clauseDone(index, System.nanoTime());
        actor.execute(() -> owner.clauseDone(this));
    }

    @Override
    public void onError(Throwable error) {
        if (!speaking.getAsBoolean()) {
            return;
        }
        finished = true;
        timing.clauseDone(index, System.nanoTime());
        actor.execute(() -> owner.clauseFailed(this, error));
    }

    private void post(short[] pcm) {
        if (pcm.length == 0) {
            return;
        }
        byte[] wire = WireCodec.encode(format, pcm, 0, pcm.length);
        actor.runOrExecute(() -> owner.clauseAudio(this, wire));
    }
}
