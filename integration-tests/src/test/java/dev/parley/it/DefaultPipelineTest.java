package dev.parley.it;

import dev.parley.api.ComponentKind;
import dev.parley.runtime.cli.ParleyCli;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pipelines/default.yaml against the real bundled plugins: it validates, and it assembles into real engines. */
class DefaultPipelineTest {
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @Test
    void parleyPipelinesValidateAcceptsTheDefaultPipeline() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "pipelines", "validate",
                RepoPaths.root().resolve("pipelines/default.yaml").toString(), "--plugins-dir", RepoPaths.plugins().toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains(": ok, pipeline 'default'"), out.toString());
    }

    @Test
    void theOfflineDefaultPipelineAssemblesFromPluginsAndBuiltIns() {
        // No OPENAI_API_KEY / PARLEY_LLM_BASE_URL: the offline alternative (the rule-based responder) is chosen.
        PipelineDefinition definition = new PipelineParser(new EnvInterpolator(Map.<String, String>of()::get))
                .parse(RepoPaths.root().resolve("pipelines/default.yaml"));
        assertEquals("rules", definition.stage(ComponentKind.LLM).provider());
        try (Pipeline pipeline = new PipelineAssembler(loaded.registry()).assemble(definition)) {
            assertEquals("default", pipeline.name());
            assertEquals(16000, pipeline.sampleRate());
            assertInstanceOf(PluginClassLoader.class, pipeline.stt().getClass().getClassLoader(), "stt from its plugin");
            assertInstanceOf(PluginClassLoader.class, pipeline.turn().getClass().getClassLoader(), "turn from its plugin");
            assertInstanceOf(PluginClassLoader.class, pipeline.tts().getClass().getClassLoader(), "tts from its plugin");
            assertEquals(getClass().getClassLoader(), pipeline.vad().getClass().getClassLoader(), "energy VAD is built in");
            assertInstanceOf(PluginClassLoader.class, pipeline.llm().getClass().getClassLoader(), "rules from its plugin");
            assertEquals("alloy", pipeline.session().requireString("voice"));
        }
    }
}
