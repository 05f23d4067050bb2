package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantOverridesTest {
    private final EnvInterpolator env = new EnvInterpolator(Map.<String, String>of()::get);
    private final PipelineDefinition base = Fixtures.parse("good.yaml", Map.of());

    @Test
    void aVariantFromTheFileReplacesAStageAndKeepsItsLine() {
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) base.variants().get("b");
        PipelineDefinition variant = VariantOverrides.apply(base, "b", b, "variants.b", env);
        assertEquals("b", variant.variant());
        StageDefinition tts = variant.stage(ComponentKind.TTS);
        assertEquals("other-tts", tts.provider());
        assertEquals("slow", tts.config().requireString("voice"));
        assertTrue(tts.config().source().endsWith("good.yaml:25 stages.tts.config"), tts.config().source());
        assertEquals(base.stage(ComponentKind.STT).toString(), variant.stage(ComponentKind.STT).toString(),
                "other stages are untouched");
    }

    @Test
    void sameProviderDeepMergesConfigAndSession() {
        PipelineDefinition variant = VariantOverrides.apply(base, "fast", Map.of(
                "sample_rate", 8000,
                "session", Map.of("voice", "verse"),
                "stages", Map.of("stt", Map.of("config", Map.of("beam", 2)))), null, env);
        assertEquals(8000, variant.sampleRate());
        assertEquals("verse", variant.session().requireString("voice"));
        assertEquals("Be brief.", variant.session().requireString("instructions"));
        assertEquals(2, variant.stage(ComponentKind.STT).config().asMap().get("beam"));
        assertEquals("/models/en", variant.stage(ComponentKind.STT).config().requireString("model_dir"));
        assertEquals("good", variant.name());
    }

    @Test
    void anInvalidOverrideIsReportedLikeAnyPipelineError() {
        PipelineException e = assertThrows(PipelineException.class, () -> VariantOverrides.apply(base, "bad",
                Map.of("stages", Map.of("tts", Map.of("config", Map.of("x", 1)), "stt", Map.of("nope", 1))), null, env));
        assertTrue(e.getMessage().contains("stages.stt.nope: unknown key"), e.getMessage());
    }
}
