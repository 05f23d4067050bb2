package dev.parley.plugins.speexdsp;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;

/** The loaded library and the stage's settings; every session opens its own preprocessor state. */
final class SpeexDenoiseEngine implements DenoiseEngine {
    private final SpeexNatives.SpeexDsp dsp;
    private final SpeexDenoiseConfig config;

    SpeexDenoiseEngine(SpeexDenoiseConfig config) {
        this.dsp = SpeexNatives.get();
        this.config = config;
    }

    @Override
    public DenoiseStream open(int sampleRate, NoiseProfile profile) {
        if (sampleRate < 8000 || sampleRate > 48000 || sampleRate * config.frameMs() % 1000 != 0) {
            throw new IllegalArgumentException("speexdsp denoises 8..48 kHz audio in whole-sample frames, not "
                    + sampleRate + " Hz");
        }
        return new SpeexDenoiseStream(dsp, config, sampleRate, profile);
    }
}
