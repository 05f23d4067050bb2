package dev.parley.it.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.api.stt.SttStream;
import dev.parley.it.RepoPaths;
import dev.parley.it.speech.NoisySpeech.Noise;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import dev.parley.testkit.WordErrorRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's noise measurement: the spoken fixtures mixed with seeded white, pink, babble (made from the other
 * fixtures) and hum noise ({@link NoisySpeech}) at 20, 10 and 5 dB SNR,
 * recognised by the default pipeline's real pocketsphinx with noise reduction off, near_field and far_field (the
 * real {@code speexdsp} plugin, from its zip); and the default pipeline's VAD, through the real session input path
 * ({@link NoiseOnsets}), on one minute of the same noise alone, counting false speech onsets per minute.
 *
 * <p>Per utterance the suppressor sees 1 s of the noise first (a caller's line is noisy before they speak; the
 * estimate converges in about that), and the recogniser gets only the fixture's span, the same span with noise
 * reduction off. One suppressor stream per condition, as in one session. WER = total word errors / total reference
 * words.
 *
 * <p>A benchmark, not in the default test run (13 conditions × 3 modes × 8 fixtures; minutes on a loaded machine):
 * {@code mvn -B -q -o -pl integration-tests -am verify -Dtest=NoiseReductionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures: BENCHMARKS.md, "Noise reduction".
 */
class NoiseReductionBenchmark {
    private static final int RATE = 16_000;
    private static final int LEAD = RATE;
    /** {@code -Dnoise.snrs=10} measures fewer conditions (a loaded machine); default 20, 10 and 5 dB. */
    private static final double[] SNRS = Arrays.stream(System.getProperty("noise.snrs", "20,10,5").split(","))
            .mapToDouble(Double::parseDouble).toArray();
    /** {@code -Dnoise.kinds=white,pink} measures fewer noises; default all of {@link Noise}. */
    private static final List<Noise> KINDS = Arrays.stream(System.getProperty("noise.kinds",
            "white,pink,babble,hum").split(",")).map(k -> Noise.valueOf(k.toUpperCase(Locale.ROOT))).toList();
    /** Each row is appended here as soon as it is measured, so a run cut short keeps what it measured. */
    private static final java.nio.file.Path ROWS = java.nio.file.Path.of("target", "noise-reduction-rows.md");
    /** Off, then each profile. */
    private static final List<NoiseProfile> MODES = Arrays.asList(null, NoiseProfile.NEAR_FIELD, NoiseProfile.FAR_FIELD);

    @Test
    void werAndFalseOnsetsInNoiseWithNoiseReductionOffAndOn() throws Exception {
        PipelineDefinition definition = new PipelineParser(new EnvInterpolator(Map.<String, String>of()::get))
                .parse(RepoPaths.root().resolve("pipelines/default.yaml"));
        ComponentRegistry registry = ComponentLoader.shared(RepoPaths.plugins()).registry();
        List<String> rows = new ArrayList<>();
        double cleanOff = -1;
        double cleanOn = -1;
        try (Pipeline base = new PipelineAssembler(registry).assemble(definition);
             DenoiseEngine denoise = (DenoiseEngine) registry.create(
                     registry.require(ComponentKind.DENOISE, "speexdsp"), ComponentConfig.empty())) {
            double speechLevel = SpeechFixtures.all().stream().mapToDouble(f -> NoisySpeech.speechRms(f.samples()))
                    .average().orElseThrow();
            java.nio.file.Files.writeString(ROWS, "");
            rows.add(keep(row("clean", measureWer(base, denoise, null, 0), onsets(base, denoise, null, 0))));
            cleanOff = Double.parseDouble(rows.get(0).split("\\|")[2].trim());
            cleanOn = Double.parseDouble(rows.get(0).split("\\|")[3].trim());
            for (Noise noise : KINDS) {
                for (double snr : SNRS) {
                    rows.add(keep(row(noise.name().toLowerCase(Locale.ROOT) + " " + (int) snr + " dB",
                            measureWer(base, denoise, noise, snr),
                            onsets(base, denoise, noise, NoisySpeech.noiseRms(speechLevel, snr)))));
                }
            }
        }
        System.out.println("noise reduction (pocketsphinx en-us WER over " + SpeechFixtures.all().size()
                + " fixtures; energy VAD false onsets per minute of noise alone), off | near_field | far_field:");
        System.out.println("| condition | WER off | WER near_field | WER far_field | false onsets/min off |"
                + " near_field | far_field |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        assertTrue(cleanOn <= cleanOff + 0.1, "noise reduction must not ruin clean speech: " + cleanOn + " vs "
                + cleanOff);
    }

    private static String keep(String row) throws java.io.IOException {
        java.nio.file.Files.writeString(ROWS, row + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.err.println(row);
        return row;
    }

    private static String row(String label, double[] wer, double[] onsets) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f |", label, wer[0], wer[1],
                wer[2], onsets[0], onsets[1], onsets[2]);
    }

    /** WER per mode for the fixtures with {@code noise} at {@code snrDb} (none when {@code noise} is null). */
    private static double[] measureWer(Pipeline pipeline, DenoiseEngine denoise, Noise noise, double snrDb)
            throws InterruptedException {
        double[] wer = new double[MODES.size()];
        for (int m = 0; m < MODES.size(); m++) {
            NoiseProfile profile = MODES.get(m);
            RecordingSttListener listener = new RecordingSttListener();
            SttStream stream = pipeline.stt().open(listener);
            DenoiseStream suppressor = profile == null ? null : denoise.open(RATE, profile);
            double errors = 0;
            int words = 0;
            long seed = 19;
            try {
                for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
                    short[] speech = f.samples();
                    short[] noisy = new short[LEAD + speech.length];
                    System.arraycopy(speech, 0, noisy, LEAD, speech.length);
                    if (noise != null) {
                        double rms = NoisySpeech.noiseRms(NoisySpeech.speechRms(speech), snrDb);
                        short[] background = NoisySpeech.noise(noise, noisy.length, rms, seed++, f.file());
                        noisy = NoisySpeech.mix(noisy, background, 0);
                    }
                    short[] heardAudio = suppressor == null ? noisy : run(suppressor, noisy);
                    SttFeed.feed(stream, Arrays.copyOfRange(heardAudio, LEAD, heardAudio.length), 40);
                    stream.endUtterance();
                    String heard = listener.awaitFinal(60);
                    int n = f.text().split(" ").length;
                    errors += WordErrorRate.of(f.text(), heard) * n;
                    words += n;
                    System.out.printf(Locale.ROOT, "  %-8s %-5s %-10s %-18s \"%s\"%n", noise == null ? "clean" : noise,
                            noise == null ? "" : (int) snrDb + "dB", profile == null ? "off" : profile.wireName(),
                            f.file(), heard);
                }
            } finally {
                stream.cancel();
                if (suppressor != null) {
                    suppressor.close();
                }
            }
            wer[m] = errors / words;
        }
        return wer;
    }

    /** False onsets per minute of {@code noise} at {@code rms} alone, per mode (silence when noise is null). */
    private static double[] onsets(Pipeline base, DenoiseEngine denoise, Noise noise, double rms) throws Exception {
        short[] audio = noise == null ? new short[RATE * 60] : NoisySpeech.noise(noise, RATE * 60, rms, 7);
        double[] perMinute = new double[MODES.size()];
        for (int m = 0; m < MODES.size(); m++) {
            perMinute[m] = NoiseOnsets.perMinute(base, denoise, MODES.get(m), audio, RATE);
        }
        return perMinute;
    }

    /** The whole frames of {@code in} through {@code s}, the tail left as it was. */
    static short[] run(DenoiseStream s, short[] in) {
        short[] out = in.clone();
        short[] frame = new short[s.frameSamples()];
        for (int off = 0; off + frame.length <= in.length; off += frame.length) {
            System.arraycopy(out, off, frame, 0, frame.length);
            s.process(frame);
            System.arraycopy(frame, 0, out, off, frame.length);
        }
        return out;
    }
}
