package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentKind;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.ProviderOrigin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineValidatorTest {
    private final List<String> closed = new ArrayList<>();
    private final ComponentRegistry registry = ComponentRegistry.builder()
            .add(p(ComponentKind.VAD, "fixture-vad", VadEngine.class), ProviderOrigin.builtIn())
            .add(p(ComponentKind.STT, "fixture-stt", SttEngine.class), ProviderOrigin.builtIn())
            .add(p(ComponentKind.STT, "vosk", SttEngine.class), ProviderOrigin.builtIn())
            .add(p(ComponentKind.LLM, "fixture-llm", LlmEngine.class), ProviderOrigin.builtIn())
            .add(p(ComponentKind.TTS, "fixture-tts", TtsEngine.class), ProviderOrigin.builtIn())
            .build();

    @Test
    void anUnknownProviderNamesFileLineKeyAndTheAvailableIds() {
        PipelineDefinition definition = Fixtures.parse("unknown-provider.yaml", Map.of());
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(definition, registry));
        assertTrue(e.getMessage().endsWith("pipelines/unknown-provider.yaml:3 stages.stt.provider: unknown stt provider"
                + " 'wisper'; available: fixture-stt, vosk"), e.getMessage());
    }

    @Test
    void everyUnknownProviderIsReportedAtOnce() {
        PipelineDefinition definition = Fixtures.parse("good.yaml", Map.of());
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(definition, registry));
        String[] lines = e.getMessage().split(System.lineSeparator());
        assertEquals(1, lines.length, "only the router is missing: " + e.getMessage());
        assertTrue(lines[0].endsWith("good.yaml:21 router.provider: unknown router provider 'ab'; no router providers"
                + " are installed"), lines[0]);
    }

    @Test
    void anUnknownProviderInAVariantSaysWhichVariant() {
        PipelineDefinition base = Fixtures.parse("valid.yaml", Map.of());
        PipelineDefinition b = VariantOverrides.apply(base, "B", Map.of("stages", Map.of("stt", Map.of("provider", "nope"))),
                null, new EnvInterpolator(Map.<String, String>of()::get));
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(b, registry));
        assertTrue(e.getMessage().endsWith("stages.stt.provider: unknown stt provider 'nope' in variant B; available:"
                + " fixture-stt, vosk"), e.getMessage());
    }

    @Test
    void aPipelineWhoseProvidersExistPasses() {
        PipelineValidator.check(Fixtures.parse("valid.yaml", Map.of()), registry);
    }

    private RecordingProvider p(ComponentKind kind, String id, Class<?> type) {
        return new RecordingProvider(kind, id, type, closed, null);
    }
}
