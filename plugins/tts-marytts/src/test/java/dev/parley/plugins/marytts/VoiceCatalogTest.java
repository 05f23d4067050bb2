package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoiceCatalogTest {
    private final VoiceCatalog catalog = new VoiceCatalog(Set.of("cmu-slt-hsmm", "cmu-slt-hsmm-low"));

    @Test
    void everyOpenAiVoiceMapsToAnInstalledVoice() {
        List<String> openAi = List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");
        assertEquals(openAi, List.copyOf(VoiceCatalog.openAiAliases().keySet()));
        for (String v : openAi) {
            assertTrue(catalog.resolve(v).maryVoice().startsWith("cmu-slt-hsmm"), v);
        }
    }

    @Test
    void maleOpenAiVoicesGetTheLowerPreset() {
        for (String v : List.of("ash", "ballad", "echo", "verse", "cedar")) {
            assertTrue(catalog.resolve(v).pitchOffset() < -4, v);
        }
        for (String v : List.of("alloy", "coral", "sage", "shimmer", "marin")) {
            assertEquals(0, catalog.resolve(v).pitchOffset(), v);
        }
    }

    @Test
    void namesAreCaseInsensitiveAndListed() {
        assertEquals(VoiceCatalog.SLT_LOW, catalog.resolve(" Echo ").name());
        assertEquals(List.of("cmu-slt-hsmm", "cmu-slt-hsmm-low", "alloy", "ash", "ballad", "coral", "echo", "sage",
                "shimmer", "verse", "marin", "cedar"), catalog.names());
    }

    @Test
    void unknownVoiceListsTheValidOnes() {
        var e = assertThrows(VoiceCatalog.UnknownVoiceException.class, () -> catalog.resolve("nova"));
        assertEquals("Unknown voice 'nova'; available voices: cmu-slt-hsmm, cmu-slt-hsmm-low, alloy, ash, ballad, "
                + "coral, echo, sage, shimmer, verse, marin, cedar", e.getMessage());
    }

    @Test
    void presetsOfMissingVoicesAreLeftOutAndTheirAliasesFallBack() {
        assertEquals(List.of(), new VoiceCatalog(Set.of("some-other-voice")).names());
        VoiceCatalog onlySlt = new VoiceCatalog(Set.of("cmu-slt-hsmm"));
        assertEquals(VoiceCatalog.SLT, onlySlt.resolve("echo").name());
        assertThrows(VoiceCatalog.UnknownVoiceException.class, () -> onlySlt.resolve("cmu-slt-hsmm-low"));
    }
}
