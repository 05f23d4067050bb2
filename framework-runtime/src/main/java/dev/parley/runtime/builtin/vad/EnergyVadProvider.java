package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;

/**
 * The built-in VAD {@code energy}: level above an adaptive noise floor combined with a pitch cue, no model
 * needed. Registered through {@link java.util.ServiceLoader}. Config keys: {@link EnergyVadConfig}.
 */
public final class EnergyVadProvider implements VadProvider {
    @Override
    public String id() {
        return "energy";
    }

    @Override
    public String description() {
        return "Built-in energy + pitch VAD with an adaptive noise floor (16 kHz, no model)";
    }

    @Override
    public VadEngine create(ComponentConfig config) {
        return new EnergyVadEngine(EnergyVadConfig.from(config));
    }
}
