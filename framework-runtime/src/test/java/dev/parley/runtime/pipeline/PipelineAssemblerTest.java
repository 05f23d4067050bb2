package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.ProviderOrigin;
import dev.parley.runtime.plugins.RuntimeComponentContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineAssemblerTest {
    private static final String YAML = """
            name: assembled
            sample_rate: 8000
            session: {voice: alloy}
            stages:
              vad: {provider: v}
              stt:
                provider: s
                config: {model_dir: /m}
              llm: {provider: l}
              tts: {provider: t}
            """;
    private final List<String> closed = new ArrayList<>();

    @Test
    void createsEveryStageWithItsConfigAndSource() {
        RecordingProvider stt = provider(ComponentKind.STT, "s", SttEngine.class, null);
        ComponentRegistry registry = registry(stt, provider(ComponentKind.TTS, "t", TtsEngine.class, null));
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml", YAML);
        try (Pipeline pipeline = new PipelineAssembler(registry).assemble(definition)) {
            assertEquals("assembled", pipeline.name());
            assertNull(pipeline.variant());
            assertEquals(8000, pipeline.sampleRate());
            assertTrue(pipeline.overlap());
            assertEquals("engine:v", pipeline.vad().toString());
            assertEquals("engine:s", pipeline.stt().toString());
            assertNull(pipeline.turn());
            assertEquals("engine:t", pipeline.tts().toString());
            assertEquals("alloy", pipeline.session().requireString("voice"));
            ComponentConfig config = stt.configs.getFirst();
            assertEquals("/m", config.requireString("model_dir"));
            assertEquals("p.yaml:8 stages.stt.config", config.source());
        }
        assertEquals(List.of("v", "s", "l", "t"), closed, "Pipeline.close closes every engine");
    }

    @Test
    void aFailingStageClosesTheEnginesAlreadyCreatedAndNamesTheStage() {
        ComponentRegistry registry = registry(provider(ComponentKind.STT, "s", SttEngine.class, null),
                provider(ComponentKind.TTS, "t", TtsEngine.class, new IllegalStateException("no audio device")));
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml", YAML);
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineAssembler(registry).assemble(definition));
        assertEquals("p.yaml:10 stages.tts: tts provider 't' (built-in (runtime classpath)) failed to start:"
                + " java.lang.IllegalStateException: no audio device", e.getMessage());
        assertEquals(List.of("l", "s", "v"), closed);
    }

    @Test
    void aProvidersConfigExceptionPassesThroughUnchanged() {
        ConfigException own = new ConfigException("p.yaml:7 stages.stt.config: model_dir /m does not exist");
        ComponentRegistry registry = registry(provider(ComponentKind.STT, "s", SttEngine.class, own),
                provider(ComponentKind.TTS, "t", TtsEngine.class, null));
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml", YAML);
        assertTrue(own == assertThrows(ConfigException.class, () -> new PipelineAssembler(registry).assemble(definition)));
        assertEquals(List.of("v"), closed);
    }

    @Test
    void turnIsCreatedWhenDeclared() {
        ComponentRegistry registry = registry(provider(ComponentKind.STT, "s", SttEngine.class, null),
                provider(ComponentKind.TTS, "t", TtsEngine.class, null),
                provider(ComponentKind.TURN, "lm", TurnDetector.class, null));
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml",
                YAML.replace("  llm:", "  turn: {provider: lm}\n  llm:"));
        try (Pipeline pipeline = new PipelineAssembler(registry).assemble(definition)) {
            assertEquals("engine:lm", pipeline.turn().toString());
        }
    }

    @Test
    void denoiseIsOptionalAndCreatedFirstWhenDeclared() {
        ComponentRegistry registry = registry(provider(ComponentKind.STT, "s", SttEngine.class, null),
                provider(ComponentKind.TTS, "t", TtsEngine.class, null),
                provider(ComponentKind.DENOISE, "d", dev.parley.api.denoise.DenoiseEngine.class, null));
        try (Pipeline without = new PipelineAssembler(registry).assemble(Fixtures.parser(Map.of()).parse("p.yaml", YAML))) {
            assertNull(without.denoise());
        }
        closed.clear();
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml",
                YAML.replace("  vad:", "  denoise: {provider: d}\n  vad:"));
        try (Pipeline pipeline = new PipelineAssembler(registry).assemble(definition)) {
            assertEquals("engine:d", pipeline.denoise().toString());
        }
        assertEquals(List.of("d", "v", "s", "l", "t"), closed, "Pipeline.close closes the denoise engine too");
    }

    @Test
    void everyStageIsCreatedWithTheRegistrysContextAndItsPoolsOutliveThePipeline() throws Exception {
        RecordingProvider vad = provider(ComponentKind.VAD, "v", VadEngine.class, null);
        RecordingProvider stt = provider(ComponentKind.STT, "s", SttEngine.class, null);
        RecordingProvider llm = provider(ComponentKind.LLM, "l", LlmEngine.class, null);
        RecordingProvider tts = provider(ComponentKind.TTS, "t", TtsEngine.class, null);
        try (RuntimeComponentContext context = RuntimeComponentContext.forHome(Path.of("/srv/parley"))) {
            ComponentRegistry registry = ComponentRegistry.builder().context(context)
                    .add(vad, ProviderOrigin.builtIn()).add(stt, ProviderOrigin.builtIn())
                    .add(llm, ProviderOrigin.builtIn()).add(tts, ProviderOrigin.builtIn()).build();
            assertSame(context, registry.context());
            PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml", YAML);
            try (Pipeline pipeline = new PipelineAssembler(registry).assemble(definition)) {
                for (RecordingProvider p : List.of(vad, stt, llm, tts)) {
                    assertEquals(List.of(context), p.contexts, "the runtime calls create(config, context)");
                }
                assertEquals(Path.of("/srv/parley"), vad.contexts.getFirst().home());
            }
            context.cpu().submit(CpuPriority.URGENT, () -> { }).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRegistryBuiltWithoutAContextHandsOutTheStandaloneOne() {
        RecordingProvider stt = provider(ComponentKind.STT, "s", SttEngine.class, null);
        ComponentRegistry registry = registry(stt, provider(ComponentKind.TTS, "t", TtsEngine.class, null));
        PipelineDefinition definition = Fixtures.parser(Map.of()).parse("p.yaml", YAML);
        try (Pipeline pipeline = new PipelineAssembler(registry).assemble(definition)) {
            assertSame(ComponentContext.standalone(), stt.contexts.getFirst());
        }
    }

    private RecordingProvider provider(ComponentKind kind, String id, Class<?> type, RuntimeException failure) {
        return new RecordingProvider(kind, id, type, closed, failure);
    }

    private ComponentRegistry registry(RecordingProvider... extra) {
        ComponentRegistry.Builder b = ComponentRegistry.builder()
                .add(provider(ComponentKind.VAD, "v", VadEngine.class, null), ProviderOrigin.builtIn())
                .add(provider(ComponentKind.LLM, "l", LlmEngine.class, null), ProviderOrigin.builtIn());
        for (RecordingProvider p : extra) {
            b.add(p, ProviderOrigin.builtIn());
        }
        return b.build();
    }
}
