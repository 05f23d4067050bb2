package dev.parley.runtime.builtin.tck;

import dev.parley.api.vad.VadProvider;
import dev.parley.runtime.builtin.vad.EnergyVadProvider;
import dev.parley.tck.VadTck;

/** The conformance kit's VAD suite on the built-in energy VAD. */
class EnergyVadTckTest extends VadTck {
    @Override
    protected VadProvider provider() {
        return new EnergyVadProvider();
    }
}
