package dev.parley.it.speech;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.NoInputListener;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the speech onsets a session's real input path (decode, resample, the pipeline's denoise stage when
 * noise_reduction is set, the pipeline's VAD and segmenter with the default server_vad settings) reports on audio
 * that holds no speech: every one is a false onset, which would barge in on the agent.
 */
final class NoiseOnsets {
    private NoiseOnsets() {
    }

    /** Onsets per minute of {@code audio16k}, sent as 24 kHz pcm16 in 20 ms appends. */
    static double perMinute(Pipeline base, DenoiseEngine denoise, NoiseProfile profile, short[] audio16k, int rate)
            throws Exception {
        Pipeline pipeline = new Pipeline(base.name(), null, base.sampleRate(), base.overlap(), base.vad(), base.stt(),
                base.turn(), base.llm(), base.tts(), base.session(), base.vadTiming(), base.earlyFinal(),
                base.llmWaits(), base.narrowband(), denoise);
        short[] at24k = TelephoneSpeech.resample(audio16k, rate, 24_000);
        AtomicInteger onsets = new AtomicInteger();
        SessionActor actor = new SessionActor("noise-onsets", Executors.newVirtualThreadPerTaskExecutor());
        DefaultSessionEngineFactory factory = new DefaultSessionEngineFactory();
        SessionEngine engine = factory.open(pipeline, actor, new Counting(onsets));
        CompletableFuture<Void> done = new CompletableFuture<>();
        actor.execute(() -> {
            try {
                engine.input().configure(new InputSettings(WireFormat.PCM16_24K, TurnDetection.DEFAULT,
                        profile == null ? null : profile.wireName()));
                int chunk = 480;
                for (int off = 0; off + chunk <= at24k.length; off += chunk) {
                    engine.input().append(WireCodec.encode(WireFormat.PCM16_24K, at24k, off, chunk));
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.MINUTES);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        actor.execute(() -> {
            engine.close();
            closed.complete(null);
        });
        closed.get(1, TimeUnit.MINUTES);
        return onsets.get() * 60_000.0 / (audio16k.length * 1000.0 / rate);
    }

    /** Counts the onsets; the input path's other events are not what this measures. */
    private static final class Counting extends NoInputListener {
        private final AtomicInteger onsets;

        Counting(AtomicInteger onsets) {
            this.onsets = onsets;
        }

        @Override
        public void speechStarted(long utterance, long audioStartMs) {
            onsets.incrementAndGet();
        }
    }
}
