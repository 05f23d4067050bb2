package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * Settings of the built-in energy VAD, read from a pipeline's {@code vad:} stage config. Keys and defaults:
 * <ul>
 *   <li>{@code frame_ms} = 20 — analysis frame, 10–64 ms (320 samples at 16 kHz by default);</li>
 *   <li>{@code snr_mid_db} = 6 — level above the noise floor at which loudness alone gives probability 0.5;</li>
 *   <li>{@code snr_slope_db} = 2 — dB per logistic unit around that point (smaller = harder decision);</li>
 *   <li>{@code voicing_mid} = 0.7 — pitch periodicity (peak normalised autocorrelation, 0–1) at which the
 *       voicing cue is half on;</li>
 *   <li>{@code unvoiced_weight} = 0.2 — the most a loud frame without pitch can score; below the default
 *       threshold 0.5 and below the segmenter's release level (threshold − 0.15), so hiss, fans and white noise
 *       neither start speech nor keep it going; the fricatives inside words are bridged by the hangover;</li>
 *   <li>{@code sibilant_r1} = -0.5 — lag-1 autocorrelation of a 20 ms frame at or below which a loud frame
 *       without pitch counts as a sibilant (/s/, /ʃ/) and scores like a voiced one, so speech starting with
 *       "Stop" is found at the /s/, not 220 ms later at the vowel; white noise has r1 ≈ 0, so it still scores
 *       at most {@code unvoiced_weight}; -1 turns the cue off;</li>
 *   <li>{@code noise_window_ms} = 1500 — the noise floor is the quietest frame in this sliding window, so a new
 *       louder background is learned within it and a quieter one at once; it should exceed the longest
 *       stretch of speech without a pause or closure;</li>
 *   <li>{@code min_level_dbfs} = -60 — frames quieter than this never count as speech.</li>
 * </ul>
 * Threshold: with these defaults any protocol threshold from 0.4 to 0.9 finds flite speech within ±100 ms and
 * ignores loud white and speech-shaped noise (EnergyVadSceneTest); below ~0.35 loud unvoiced noise counts.
 * The runtime's {@code min_speech_ms} and {@code hangover_ms} live in the same stage
 * ({@link dev.parley.runtime.input.vad.VadTiming}); this record ignores them.
 */
public record EnergyVadConfig(int frameMs, double snrMidDb, double snrSlopeDb, double voicingMid,
                              double unvoicedWeight, double sibilantR1, int noiseWindowMs,
                              double minLevelDbfs) {
    public static final int SAMPLE_RATE = 16_000;

    public static EnergyVadConfig defaults() {
        return new EnergyVadConfig(20, 6, 2, 0.7, 0.2, -0.5, 1500, -60);
    }

    public static EnergyVadConfig from(ComponentConfig c) {
        EnergyVadConfig d = defaults();
        EnergyVadConfig cfg = new EnergyVadConfig(
                c.integer("frame_ms", d.frameMs),
                c.number("snr_mid_db", d.snrMidDb),
                c.number("snr_slope_db", d.snrSlopeDb),
                c.number("voicing_mid", d.voicingMid),
                c.number("unvoiced_weight", d.unvoicedWeight),
                c.number("sibilant_r1", d.sibilantR1),
                c.integer("noise_window_ms", d.noiseWindowMs),
                c.number("min_level_dbfs", d.minLevelDbfs));
        require(c, "frame_ms", cfg.frameMs >= 10 && cfg.frameMs <= 64, "between 10 and 64");
        require(c, "snr_slope_db", cfg.snrSlopeDb > 0, "positive");
        require(c, "voicing_mid", cfg.voicingMid > 0 && cfg.voicingMid < 1, "between 0 and 1");
        require(c, "unvoiced_weight", cfg.unvoicedWeight >= 0 && cfg.unvoicedWeight <= 1, "between 0 and 1");
        require(c, "sibilant_r1", cfg.sibilantR1 >= -1 && cfg.sibilantR1 < 0, "between -1 and 0");
        require(c, "noise_window_ms", cfg.noiseWindowMs >= 200 && cfg.noiseWindowMs <= 60_000, "between 200 and 60000");
        require(c, "min_level_dbfs", cfg.minLevelDbfs < 0, "negative (dB below full scale)");
        return cfg;
    }

    private static void require(ComponentConfig c, String key, boolean ok, String what) {
        if (!ok) {
            throw new ConfigException(c.source() + ": key '" + key + "' must be " + what + ", got '"
                    + c.asMap().get(key) + "'");
        }
    }

    /** Samples per frame at 16 kHz. */
    public int frameSamples() {
        return SAMPLE_RATE * frameMs / 1000;
    }
}
