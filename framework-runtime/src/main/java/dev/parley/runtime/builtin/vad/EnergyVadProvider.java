package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;

/**
 * The built-in VAD {@code energy}: level above an adaptive noise floor combined with a pitch cue, no model
 * needed. Registered through {@link java.util.ServiceLoader}. Config keys: {@link EnergyVadConfig}.
 */
public final class EnergyVadProvider implements VadProvider {
    /** The {@code config:} keys {@link EnergyVadConfig#from} reads, with its defaults. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("frame_ms", ConfigType.INTEGER, "20", "analysis frame, 10..64 ms")
            .key("snr_mid_db", ConfigType.NUMBER, "6",
                    "level above the noise floor at which loudness alone gives probability 0.5")
            .key("snr_slope_db", ConfigType.NUMBER, "2", "dB per logistic unit around snr_mid_db, positive")
            .key("voicing_mid", ConfigType.NUMBER, "0.7", "pitch periodicity at which the voicing cue is half on, 0..1")
            .key("unvoiced_weight", ConfigType.NUMBER, "0.2", "the most a loud frame without pitch scores, 0..1")
            .key("sibilant_r1", ConfigType.NUMBER, "-0.5",
                    "lag-1 autocorrelation at or below which an unvoiced frame counts as a sibilant, -1..0 (-1 off)")
            .key("noise_window_ms", ConfigType.INTEGER, "1500", "sliding window of the noise floor, 200..60000 ms")
            .key("min_level_dbfs", ConfigType.NUMBER, "-60", "frames quieter than this never count as speech, < 0")
            .build();

    @Override
    public String id() {
        return "energy";
    }

    @Override
    public String description() {
        return "Built-in energy + pitch VAD with an adaptive noise floor (16 kHz, no model)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same range checks as {@link #create}, without building the engine. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        EnergyVadConfig.from(config);
    }

    @Override
    public VadEngine create(ComponentConfig config) {
        return new EnergyVadEngine(EnergyVadConfig.from(config));
    }
}
