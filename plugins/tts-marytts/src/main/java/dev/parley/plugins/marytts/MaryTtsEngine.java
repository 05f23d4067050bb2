package dev.parley.plugins.marytts;

import dev.parley.api.ConfigException;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;

/**
 * MaryTTS as a {@link TtsEngine}: text is normalised for speech, cut into short pieces and spoken on the runtime's
 * CPU pool (platform threads; in steps of a few ms), streaming chunks of {@code chunk_ms} at MaryTTS' native
 * rate (48 kHz for the HSMM voice). Thread-safe; one shared MaryTTS serves all syntheses at once.
 */
public final class MaryTtsEngine implements TtsEngine {
    private final LocalMaryInterface mary;
    private final CpuExecutor cpu;
    private final MaryTtsConfig config;
    private final VoiceCatalog catalog;
    private final SpeechTextNormalizer normalizer = new SpeechTextNormalizer();
    private final ClauseSplitter splitter;
    private final int sampleRate;
    /** Syntheses still running, so that close() can stop them. */
    private final Set<MarySynthesis> running = ConcurrentHashMap.newKeySet();

    /**
     * @param source where the config came from, for the error naming a bad {@code voice}
     * @throws ConfigException when {@code voice} names no installed voice
     */
    MaryTtsEngine(LocalMaryInterface mary, CpuExecutor cpu, MaryTtsConfig config, String source) {
        this.mary = mary;
        this.cpu = cpu;
        this.config = config;
        this.catalog = requireVoice(mary, config, source);
        this.splitter = new ClauseSplitter(config.maxClauseChars());
        this.sampleRate = warmUp();
    }

    /**
     * The voices {@code mary} has installed, after checking that {@code config.voice()} is one of them (or a
     * preset of one); {@code create} and the provider's {@code check} both go through here.
     *
     * @throws ConfigException naming the key, the source and the voices there are
     */
    static VoiceCatalog requireVoice(LocalMaryInterface mary, MaryTtsConfig config, String source) {
        VoiceCatalog catalog = new VoiceCatalog(mary.getAvailableVoices());
        try {
            catalog.resolve(config.voice());
        } catch (VoiceCatalog.UnknownVoiceException e) {
            throw new ConfigException(source + ": key 'voice': " + e.getMessage());
        }
        return catalog;
    }

    /** Speaks one word so the first real clause does not pay for class loading and JIT; returns the rate. */
    private int warmUp() {
        VoicePreset preset = catalog.resolve(config.voice());
        try (AudioInputStream audio = mary.generateAudio(SsmlRequest.document("Hello there.", preset.maryVoice(), 1.0, 0.0))) {
            PcmChunkReader reader = new PcmChunkReader(audio, 4096);
            while (reader.next() != null) {
                // drain: each sentence is vocoded when its audio is first read
            }
            return Math.round(audio.getFormat().getSampleRate());
        } catch (IOException | marytts.exceptions.SynthesisException e) {
            throw new IllegalStateException("MaryTTS could not speak with voice " + preset.maryVoice() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public List<String> voices() {
        return catalog.names();
    }

    /** The configuration this engine runs with. */
    public MaryTtsConfig config() {
        return config;
    }

    @Override
    public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
        return synthesize(text, settings, listener, CpuPriority.NORMAL);
    }

    /** Each step of the synthesis is queued at its current {@link TtsSynthesis#priority priority}. */
    @Override
    public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener,
                                   CpuPriority priority) {
        VoiceSettings s = settings == null ? VoiceSettings.DEFAULT : settings;
        MarySynthesis synthesis;
        try {
            String voiceName = s.voice() == null || s.voice().isBlank() ? config.voice() : s.voice();
            VoicePreset preset = catalog.resolve(voiceName);
            double speed = clamp(config.speed() * (s.speed() > 0 ? s.speed() : 1.0), 0.25, 1.5);
            double pitch = clamp(config.pitch() + preset.pitchOffset() + s.pitch(), -24, 24);
            List<String> pieces = splitter.split(normalizer.normalize(text));
            synthesis = new MarySynthesis(mary, new MarySynthesis.Request(pieces, preset.maryVoice(), speed, pitch,
                    config.vocodeOnPool()),
                    sampleRate, config.chunkMs(), listener);
        } catch (RuntimeException e) {
            // Bad input (an unknown voice) is reported through the listener like any failure; the session goes on.
            synthesis = MarySynthesis.failed(e, listener);
        }
        synthesis.priority(priority);
        running.add(synthesis);
        schedule(synthesis);
        return synthesis;
    }

    /**
     * Queues the synthesis' next step on the CPU pool. Steps of a few ms, not one task per clause: a long clause then
     * never holds a pool thread for its whole synthesis, so speech decoding (queued ahead of synthesis) gets a thread
     * within a step. The pool's platform threads, not a virtual thread: synthesis is pure CPU, and a virtual thread
     * never yields its carrier while computing, so two syntheses would stall every session actor on a 2-core machine.
     */
    private void schedule(MarySynthesis synthesis) {
        try {
            cpu.submit(synthesis.priority(), () -> {
                if (synthesis.step()) {
                    schedule(synthesis);
                } else {
                    running.remove(synthesis);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(synthesis);
            IllegalStateException refused = new IllegalStateException("MaryTTS cannot take more work now: "
                    + e.getMessage(), e);
            Thread.ofVirtual().name("marytts-refused").start(() -> synthesis.abort(refused)); // off the caller
        }
    }

    /** Cancels the syntheses still running. MaryTTS itself stays up for other engines until the plugin stops. */
    @Override
    public void close() {
        running.forEach(MarySynthesis::cancel);
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? 1.0 : Math.max(min, Math.min(max, v));
    }
}
