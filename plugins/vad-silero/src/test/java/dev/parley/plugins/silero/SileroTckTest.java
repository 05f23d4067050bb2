package dev.parley.plugins.silero;

import dev.parley.api.vad.VadProvider;
import dev.parley.tck.VadTck;

/** The conformance kit's VAD suite on Silero v5 (build/models/silero_vad_v5.onnx, fetched by ./parley test). */
class SileroTckTest extends VadTck {
    @Override
    protected VadProvider provider() {
        return new SileroVadProvider();
    }
}
