package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;
import dev.parley.api.denoise.DenoiseProvider;
import dev.parley.api.llm.LlmProvider;
import dev.parley.api.router.RouterProvider;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.turn.TurnDetectorProvider;
import dev.parley.api.vad.VadProvider;

import java.util.EnumMap;
import java.util.Map;

/** Which provider interface of the SPI fills which {@link ComponentKind}: the lookup keys for PF4J and ServiceLoader. */
public final class ProviderKinds {
    private static final Map<ComponentKind, Class<? extends ComponentProvider<?>>> TYPES = new EnumMap<>(ComponentKind.class);

    static {
        TYPES.put(ComponentKind.VAD, VadProvider.class);
        TYPES.put(ComponentKind.STT, SttProvider.class);
        TYPES.put(ComponentKind.TURN, TurnDetectorProvider.class);
        TYPES.put(ComponentKind.LLM, LlmProvider.class);
        TYPES.put(ComponentKind.TTS, TtsProvider.class);
        TYPES.put(ComponentKind.ROUTER, RouterProvider.class);
        TYPES.put(ComponentKind.DENOISE, DenoiseProvider.class);
    }

    private ProviderKinds() {
    }

    /** The provider interface for {@code kind}, e.g. {@code SttProvider.class} for {@link ComponentKind#STT}. */
    public static Class<? extends ComponentProvider<?>> typeOf(ComponentKind kind) {
        return TYPES.get(kind);
    }
}
