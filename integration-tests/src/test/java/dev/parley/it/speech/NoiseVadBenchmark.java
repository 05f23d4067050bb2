package dev.parley.it.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.vad.VadEngine;
import dev.parley.it.RepoPaths;
import dev.parley.it.speech.NoisySpeech.Noise;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.testing.SpeechFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's speech-in-noise proof for the VAD, per condition, through a session's real input path: the default
 * pipeline with its VAD stage chosen (the built-in {@code energy}, or the {@code silero} plugin), noise reduction off
 * or on (the {@code speexdsp} plugin), the default server_vad settings.
 * <ul>
 *   <li>{@link NoisyTurns}: the 8 fixtures in one session over continuous noise — WER of what the session's turns
 *       heard, missed onsets, the end-of-turn delay (last speech sample → speech_stopped, audio clock);</li>
 *   <li>{@link AgentOverNoise}: the agent answering over noise alone for {@code noise.minutes} — false barge-ins
 *       per 10 minutes of that noise, and all false onsets per minute of noise.</li>
 * </ul>
 * Noise is scaled to the fixtures' mean active speech level ({@link NoisySpeech}) at each SNR.
 *
 * <p>A benchmark, not in the default test run; rows go to {@code target/noise-vad-rows.md} as measured:
 * {@code mvn -B -q -o -pl integration-tests -am verify -DskipITs -Dtest=NoiseVadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dnoise.snrs=10] [-Dnoise.vads=energy,silero]
 * [-Dnoise.modes=off,near_field] [-Dnoise.kinds=white,pink,babble,hum] [-Dnoise.minutes=10]
 * [-Dnoise.threshold=0.5]}. Figures:
 * BENCHMARKS.md, "Noise reduction".
 */
class NoiseVadBenchmark {
    private static final Path ROWS = Path.of("target", "noise-vad-rows.md");

    private static List<String> list(String key, String def) {
        return Arrays.asList(System.getProperty(key, def).split(","));
    }

    @Test
    void vadInNoiseWithNoiseReductionOffAndOn() throws Exception {
        List<String> vads = list("noise.vads", "energy,silero");
        List<String> modes = list("noise.modes", "off,near_field");
        List<String> kinds = list("noise.kinds", "white,pink,babble,hum");
        double[] snrs = list("noise.snrs", "10").stream().mapToDouble(Double::parseDouble).toArray();
        long noiseMs = (long) (Double.parseDouble(System.getProperty("noise.minutes", "10")) * 60_000);
        ComponentRegistry registry = ComponentLoader.shared(RepoPaths.plugins()).registry();
        Pipeline base = new PipelineAssembler(registry).assemble(new PipelineParser(
                new EnvInterpolator(Map.<String, String>of()::get)).parse(RepoPaths.root().resolve(
                "pipelines/default.yaml")));
        List<SpeechFixtures.Fixture> fixtures = SpeechFixtures.all();
        double speechLevel = fixtures.stream().mapToDouble(f -> NoisySpeech.speechRms(f.samples())).average()
                .orElseThrow();
        Files.writeString(ROWS, header() + "\n");
        int rows = 0;
        try (DenoiseEngine denoise = (DenoiseEngine) create(registry, ComponentKind.DENOISE, "speexdsp");
             TtsEngine benchVoice = (TtsEngine) create(registry, ComponentKind.TTS, "bench")) {
            for (String vadName : vads) {
                VadEngine vad = vadName.equals("energy") ? base.vad()
                        : (VadEngine) create(registry, ComponentKind.VAD, vadName);
                Pipeline listening = with(base, vad, base.tts(), denoise);
                Pipeline answering = with(base, vad, benchVoice, denoise);
                List<String[]> conditions = new ArrayList<>();
                conditions.add(new String[] {"clean", null});
                for (double snr : snrs) {
                    for (String kind : kinds) {
                        conditions.add(new String[] {kind, Double.toString(snr)});
                    }
                }
                for (String[] c : conditions) {
                    for (String mode : modes) {
                        NoiseProfile profile = mode.equals("off") ? null : NoiseProfile.fromWireName(mode);
                        Noise noise = c[1] == null ? null : Noise.valueOf(c[0].toUpperCase(Locale.ROOT));
                        double rms = c[1] == null ? 0 : NoisySpeech.noiseRms(speechLevel, Double.parseDouble(c[1]));
                        long t0 = System.nanoTime();
                        NoisyTurns.Result turns = NoisyTurns.run(listening, profile, noise, rms, fixtures);
                        short[] alone = noise == null ? new short[16_000 * 60]
                                : NoisySpeech.noise(noise, 16_000 * 60 * 3, rms, 7);
                        AgentOverNoise.Result agent = AgentOverNoise.run(answering, profile, alone, noiseMs);
                        String label = c[1] == null ? "clean" : c[0] + " " + (int) Double.parseDouble(c[1]) + " dB";
                        String threshold = System.getProperty("noise.threshold");
                        keep(row(threshold == null ? vadName : vadName + " (threshold " + threshold + ")", label,
                                mode, turns, agent));
                        System.err.printf(Locale.ROOT, "  %s %s %s heard %s (%.0f s)%n", vadName, label, mode,
                                NoisyTurns.words(turns), (System.nanoTime() - t0) / 1e9);
                        rows++;
                    }
                }
                if (vad != base.vad()) {
                    vad.close();
                }
            }
        } finally {
            base.close();
        }
        System.out.println(Files.readString(ROWS));
        assertEquals(vads.size() * modes.size() * (1 + snrs.length * kinds.size()), rows);
    }

    private static Object create(ComponentRegistry registry, ComponentKind kind, String id) {
        return registry.create(registry.require(kind, id), ComponentConfig.empty());
    }

    /** {@code base} with its VAD, voice and noise suppressor replaced (the segmenter timings stay: both VADs'
     * defaults are min_speech_ms 100, hangover_ms 300). */
    private static Pipeline with(Pipeline base, VadEngine vad, TtsEngine tts, DenoiseEngine denoise) {
        return new Pipeline(base.name(), null, base.sampleRate(), base.overlap(), vad, base.stt(), base.turn(),
                base.llm(), tts, base.session(), base.vadTiming(), base.earlyFinal(), base.llmWaits(),
                base.narrowband(), denoise);
    }

    static String header() {
        return "| VAD | condition | noise reduction | WER | missed onsets | end-of-turn delay p50 / max ms"
                + " | turns held open | finals failed | false onsets/min | false barge-ins /10 min noise (n; min agent speaking) |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";
    }

    private static String row(String vad, String label, String mode, NoisyTurns.Result t, AgentOverNoise.Result a) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %d / %d | %s | %d | %d | %.1f | %.1f (%d; %.1f) |",
                vad, label, mode, t.wer(), t.missed(), t.heard().size(), NoisyTurns.eotSummary(t.eotMs()),
                t.heldOpen(), t.failedFinals(), a.onsetsPerMin(), a.bargeInsPer10Min(), a.falseBargeIns(), a.agentMs() / 60_000.0);
    }

    private static void keep(String row) throws java.io.IOException {
        Files.writeString(ROWS, row + "\n", StandardOpenOption.APPEND);
        System.err.println(row);
    }
}
