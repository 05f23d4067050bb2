package dev.parley.runtime.input;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.runtime.audio.ImageBandNoise;
import dev.parley.runtime.audio.StreamingResampler;
import java.util.Locale;

/**
 * How narrowband input (an 8 kHz wire format: G.711 μ-law/A-law) reaches a wideband recogniser. Read from the
 * {@code stt:} stage of a pipeline, next to the recogniser's own keys (every STT accepts it), so each recogniser
 * keeps its own choice. Only the recogniser's audio is changed; VAD and noise suppression see plain upsampled
 * audio (0–4 kHz) in every case. Measured choice for pocketsphinx: see the {@code default.yaml} comment and
 * BENCHMARKS.md "Narrowband".
 */
public enum NarrowbandInput {
    /** {@code lowpass} (default): the runtime's resampler, 4–8 kHz empty (and its low-pass from ~3.4 kHz). */
    LOWPASS,
    /**
     * {@code spectral_fold}: the resampled (low-passed) audio folded, {@link dev.parley.runtime.audio.SpectralFold}:
     * the mirror above 4 kHz of what the low-pass left, so 3.4–4.6 kHz stays nearly empty.
     */
    SPECTRAL_FOLD,
    /**
     * {@code zero_insertion}: the decoded 8 kHz samples themselves, zero-inserted with +6 dB: the input path
     * upsamples with {@link StreamingResampler#interpolating} (every other output is a wire sample) and the
     * recogniser's copy is folded, so the whole 0–4 kHz band and its mirror reach the recogniser. Exact only with the
     * pipeline at twice the wire rate (16 kHz, as the bundled pipelines); at another pipeline rate it works as
     * {@link #SPECTRAL_FOLD}.
     */
    ZERO_INSERTION,
    /**
     * {@code zero_insertion_noise}: {@link #ZERO_INSERTION} plus a faint noise floor in 4–8 kHz
     * ({@link ImageBandNoise}, RMS {@value #IMAGE_NOISE_RMS}), where the mirror is silent between words.
     */
    ZERO_INSERTION_NOISE;

    /**
     * The image-band noise's RMS (−53 dBFS). Screened on the 8 fixtures (μ-law, zero insertion,
     * NarrowbandWerBenchmark's audio, 2026-12-04): RMS 21 → WER 0.387, 71 → 0.355, 106 → 0.355, 212 → 0.500;
     * none 0.403. The same floor over 3.4–8 kHz (filling the band-edge gap too) was worse: 71 → 0.435,
     * 212 → 0.532.
     */
    public static final int IMAGE_NOISE_RMS = 71;

    /** The widest wire rate that counts as narrowband. */
    public static final int NARROWBAND_MAX_RATE = 8000;

    /** Reads {@code narrowband} from an stt stage's config. */
    public static NarrowbandInput from(ComponentConfig config) {
        String value = config.string("narrowband", "lowpass");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source() + ": key 'narrowband' must be one of " + names() + ", got '"
                    + value + "'");
        }
    }

    /** The config spelling of every option, e.g. {@code lowpass, spectral_fold, zero_insertion}. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (NarrowbandInput o : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(o.configName());
        }
        return b.toString();
    }

    /** The option as written in a pipeline file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when audio that came in at {@code wireRate} goes to a recogniser at {@code sttRate} folded. */
    boolean folds(int wireRate, int sttRate) {
        return this != LOWPASS && wireRate <= NARROWBAND_MAX_RATE && sttRate == 2 * wireRate;
    }

    /** The noise to add to the recogniser's folded copy, or null when this option adds none. */
    public ImageBandNoise imageNoise() {
        return this == ZERO_INSERTION_NOISE ? new ImageBandNoise(IMAGE_NOISE_RMS, 19) : null;
    }

    /**
     * The input path's resampler from the wire to the pipeline rate: the interpolating one when the recogniser's
     * copy is to be the zero-inserted wire samples (pipeline at twice the wire rate), else the ordinary one.
     */
    public StreamingResampler upsampler(int wireRate, int pipelineRate) {
        boolean zeroInsertion = this == ZERO_INSERTION || this == ZERO_INSERTION_NOISE;
        return zeroInsertion && wireRate <= NARROWBAND_MAX_RATE && pipelineRate == 2 * wireRate
                ? StreamingResampler.interpolating(wireRate, pipelineRate)
                : new StreamingResampler(wireRate, pipelineRate);
    }
}
