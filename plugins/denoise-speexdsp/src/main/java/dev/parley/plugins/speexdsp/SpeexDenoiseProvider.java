package dev.parley.plugins.speexdsp;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseProvider;
import org.pf4j.Extension;

/** The denoise stage {@code speexdsp}: the Speex DSP preprocessor's noise suppressor. Keys: {@link SpeexDenoiseConfig}. */
@Extension
public class SpeexDenoiseProvider implements DenoiseProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("frame_ms", ConfigType.INTEGER, "10", "frame length, 10 or 20 ms")
            .key("near_field_suppress_db", ConfigType.INTEGER, "-15",
                    "largest noise attenuation for noise_reduction near_field, -1..-60 dB")
            .key("far_field_suppress_db", ConfigType.INTEGER, "-25",
                    "largest noise attenuation for noise_reduction far_field, -1..-60 dB")
            .build();

    @Override
    public String id() {
        return "speexdsp";
    }

    @Override
    public String description() {
        return "Speex DSP preprocessor noise suppression (libspeexdsp1), on per session by noise_reduction";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    @Override
    public void check(ComponentConfig config, dev.parley.api.context.ComponentContext context) {
        SpeexDenoiseConfig.from(config);
    }

    @Override
    public DenoiseEngine create(ComponentConfig config) {
        return new SpeexDenoiseEngine(SpeexDenoiseConfig.from(config));
    }
}
