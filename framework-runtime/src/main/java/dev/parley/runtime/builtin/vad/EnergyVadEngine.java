package dev.parley.runtime.builtin.vad;

import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;

/** Holds the energy VAD's settings; stateless, so any number of sessions open streams from it concurrently. */
public final class EnergyVadEngine implements VadEngine {
    private final EnergyVadConfig config;

    public EnergyVadEngine(EnergyVadConfig config) {
        this.config = config;
    }

    @Override
    public int sampleRate() {
        return EnergyVadConfig.SAMPLE_RATE;
    }

    @Override
    public int frameSamples() {
        return config.frameSamples();
    }

    @Override
    public VadStream open() {
        return new EnergyVadStream(config);
    }

    public EnergyVadConfig config() {
        return config;
    }
}
