package dev.parley.api.vad;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for voice activity detectors. */
public interface VadProvider extends ComponentProvider<VadEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.VAD;
    }
}
