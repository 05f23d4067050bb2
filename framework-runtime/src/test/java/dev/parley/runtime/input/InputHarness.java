package dev.parley.runtime.input;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import dev.parley.runtime.input.vad.VadTiming;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link VadInputPipeline} on a real actor with synthetic audio: 16 kHz pipeline, 20 ms VAD frames,
 * onset after 60 ms of voice, offset after 100 ms without.
 */
final class InputHarness {
    static final VadTiming TIMING = new VadTiming(60, 100);
    static final java.util.concurrent.ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "input-test-timers");
                t.setDaemon(true);
                return t;
            });
    final SessionActor actor = new SessionActor("input-test", Executors.newVirtualThreadPerTaskExecutor());
    final ScriptedVad vad = new ScriptedVad(16000, 320);
    final ScriptedStt stt = new ScriptedStt(16000);
    final RecordingInputListener listener = new RecordingInputListener();
    final WireFormat format;
    VadInputPipeline input;

    InputHarness(WireFormat format, TurnDetection turn, TurnDetector detector) throws Exception {
        this(format, turn, detector, EarlyFinalPolicy.OFF);
    }

    InputHarness(WireFormat format, TurnDetection turn, TurnDetector detector, EarlyFinalPolicy earlyFinal)
            throws Exception {
        this(format, turn, detector, earlyFinal, null, null);
    }

    /** With the pipeline's noise suppressor {@code denoise} (or null) and the session's {@code noiseReduction}. */
    InputHarness(WireFormat format, TurnDetection turn, TurnDetector detector, EarlyFinalPolicy earlyFinal,
                 DenoiseEngine denoise, String noiseReduction) throws Exception {
        this(format, turn, detector, earlyFinal, denoise, noiseReduction, NarrowbandInput.LOWPASS);
    }

    /** As above, with the stt stage's {@code narrowband} choice. */
    InputHarness(WireFormat format, TurnDetection turn, TurnDetector detector, EarlyFinalPolicy earlyFinal,
                 DenoiseEngine denoise, String noiseReduction, NarrowbandInput narrowband) throws Exception {
        this.format = format;
        onActor(() -> {
            input = new VadInputPipeline(16000, vad, denoise, TIMING, earlyFinal, detector,
                    SttLink.open(stt, 16000, actor, listener, SCHEDULER, 300, narrowband), actor, listener,
                    new InputSettings(format, turn, noiseReduction));
            return null;
        });
    }

    static TurnDetection serverVad(int prefixMs, int silenceMs, Integer idleMs) {
        return new TurnDetection(TurnDetection.Type.SERVER_VAD, 0.5, prefixMs, silenceMs, idleMs, true, true, "auto");
    }

    <T> T onActor(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        actor.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        T result = f.get(20, TimeUnit.SECONDS);
        settle();
        return result;
    }

    /** Lets tasks the last one posted (transcript events) run. */
    void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            actor.execute(() -> f.complete(null));
            f.get(20, TimeUnit.SECONDS);
        }
    }

    /** Appends {@code ms} of audio in 20 ms pieces: a 440 Hz tone when {@code loud}, else silence. */
    void append(int ms, boolean loud) throws Exception {
        int rate = format.sampleRate();
        for (int done = 0; done < ms; done += 20) {
            short[] pcm = new short[rate * 20 / 1000];
            if (loud) {
                for (int i = 0; i < pcm.length; i++) {
                    pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i + done * rate / 1000.0) / rate));
                }
            }
            byte[] wire = WireCodec.encode(format, pcm, 0, pcm.length);
            onActor(() -> {
                input.append(wire);
                return null;
            });
        }
    }

    CommittedAudio commit() throws Exception {
        return onActor(() -> input.commit());
    }
}
