package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.vad.testing.VadSceneContract;

/**
 * The energy VAD, default config, on real flite speech placed at known offsets (testdata/vad): every check of
 * {@link VadSceneContract} with ±100 ms boundaries everywhere, noise included.
 */
class EnergyVadSceneTest extends VadSceneContract {
    private static final VadEngine ENGINE = new EnergyVadProvider().create(ComponentConfig.empty());

    @Override
    protected VadEngine engine() {
        return ENGINE;
    }

    @Override
    protected String vadName() {
        return "energy";
    }
}
