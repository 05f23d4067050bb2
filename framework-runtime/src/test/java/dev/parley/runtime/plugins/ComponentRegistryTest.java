package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentRegistryTest {
    private final ProviderOrigin vosk = new ProviderOrigin("stt-vosk", "0.1.0", Path.of("build/plugins/stt-vosk"));

    @Test
    void indexesByKindAndIdInOrder() {
        ComponentRegistry registry = ComponentRegistry.builder()
                .add(TestProviders.stt("zeta"), vosk)
                .add(TestProviders.stt("alpha"), ProviderOrigin.builtIn())
                .build();
        assertEquals(List.of("alpha", "zeta"), registry.ids(ComponentKind.STT));
        assertEquals(List.of(), registry.ids(ComponentKind.TTS));
        assertEquals("stt-vosk", registry.require(ComponentKind.STT, "zeta").origin().pluginId());
        assertTrue(registry.require(ComponentKind.STT, "alpha").origin().isBuiltIn());
    }

    @Test
    void duplicateIdFromABuiltInAndAPluginNamesBoth() {
        ComponentRegistry.Builder builder = ComponentRegistry.builder().add(TestProviders.stt("vosk"), ProviderOrigin.builtIn());
        DuplicateProviderException e = assertThrows(DuplicateProviderException.class,
                () -> builder.add(TestProviders.otherStt("vosk"), vosk));
        assertEquals("two providers claim stt id 'vosk': " + TestProviders.NamedStt.class.getName()
                + " from built-in (runtime classpath) and " + TestProviders.OtherStt.class.getName()
                + " from plugin stt-vosk 0.1.0 (build/plugins/stt-vosk); remove or disable one of them", e.getMessage());
    }

    @Test
    void theSameClassRegisteredTwiceIsOneProvider() {
        ComponentRegistry registry = ComponentRegistry.builder()
                .add(TestProviders.stt("x"), ProviderOrigin.builtIn())
                .add(TestProviders.stt("x"), ProviderOrigin.builtIn())
                .build();
        assertEquals(1, registry.all().size());
    }

    @Test
    void unknownIdListsTheAvailableOnes() {
        ComponentRegistry registry = ComponentRegistry.builder()
                .add(TestProviders.stt("vosk"), vosk).add(TestProviders.stt("whisper"), vosk).build();
        ConfigException e = assertThrows(ConfigException.class, () -> registry.require(ComponentKind.STT, "wisper"));
        assertEquals("unknown stt provider 'wisper'; available: vosk, whisper", e.getMessage());
        assertEquals("no tts providers are installed", registry.describeAvailable(ComponentKind.TTS));
    }

    @Test
    void aProviderWithoutIdIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ComponentRegistry.builder().add(TestProviders.stt(" "), vosk));
        assertTrue(e.getMessage().contains("returns no id()"), e.getMessage());
    }
}
