package dev.parley.api.tts;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for speech synthesizers. */
public interface TtsProvider extends ComponentProvider<TtsEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.TTS;
    }
}
