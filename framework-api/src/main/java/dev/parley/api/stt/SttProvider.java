package dev.parley.api.stt;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for speech-to-text components. */
public interface SttProvider extends ComponentProvider<SttEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.STT;
    }
}
