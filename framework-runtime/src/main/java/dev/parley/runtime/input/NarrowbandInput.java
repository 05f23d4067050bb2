package dev.parley.runtime.input;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import java.util.Locale;

/**
 * How narrowband input (an 8 kHz wire format: G.711 μ-law/A-law) reaches a wideband recogniser. Read from the
 * {@code stt:} stage of a pipeline, next to the recogniser's own keys (every STT accepts it), so each recogniser
 * keeps its own choice: {@code narrowband: lowpass} (default: a proper 8 → 16 kHz resampler, 4–8 kHz empty) or
 * {@code narrowband: spectral_fold} (the 0–4 kHz band mirrored into 4–8 kHz, {@link
 * dev.parley.runtime.audio.SpectralFold}). Only the recogniser's audio is changed; VAD sees the plain resampled
 * audio. Measured choice for pocketsphinx: see the {@code default.yaml} comment and BENCHMARKS.md.
 */
public enum NarrowbandInput {
    /** Resampled with a low-pass filter, nothing above 4 kHz. */
    LOWPASS,
    /** Zero-insertion upsampling with +6 dB: the spectral image above 4 kHz is kept. */
    SPECTRAL_FOLD;

    /** The widest wire rate that counts as narrowband. */
    public static final int NARROWBAND_MAX_RATE = 8000;

    /** Reads {@code narrowband} from an stt stage's config. */
    public static NarrowbandInput from(ComponentConfig config) {
        String value = config.string("narrowband", "lowpass");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source() + ": key 'narrowband' must be 'lowpass' or 'spectral_fold', got '"
                    + value + "'");
        }
    }

    /** True when audio that came in at {@code wireRate} goes to a recogniser at {@code sttRate} folded. */
    boolean folds(int wireRate, int sttRate) {
        return this == SPECTRAL_FOLD && wireRate <= NARROWBAND_MAX_RATE && sttRate == 2 * wireRate;
    }
}
