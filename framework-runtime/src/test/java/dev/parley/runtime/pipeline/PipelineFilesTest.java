package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled pipelines/*.yaml parse, and `--pipeline NAME` finds them. */
class PipelineFilesTest {
    @Test
    void theEmbeddedDefaultIsFoundByName() {
        PipelineDefinition p = PipelineFiles.load(PipelineFiles.DEFAULT, Fixtures.parser(Map.of()));
        assertEquals("default", p.name());
        assertTrue(p.source().endsWith("default.yaml"), p.source());
    }

    @Test
    void theDefaultPipelineUsesTheOfflineResponderUnlessAnLlmIsConfigured() {
        Path file = repoRoot().resolve("pipelines/default.yaml");
        PipelineDefinition offline = Fixtures.parser(Map.of()).parse(file);
        assertEquals("energy", offline.stage(ComponentKind.VAD).provider());
        assertEquals("pocketsphinx", offline.stage(ComponentKind.STT).provider());
        assertEquals("/usr/share/pocketsphinx/model/en-us", offline.stage(ComponentKind.STT).config().requireString("model_dir"));
        assertEquals("pocketsphinx-lm", offline.stage(ComponentKind.TURN).provider());
        assertEquals("rules", offline.stage(ComponentKind.LLM).provider());
        assertEquals("marytts", offline.stage(ComponentKind.TTS).provider());

        PipelineDefinition online = Fixtures.parser(Map.of("OPENAI_API_KEY", "sk-test")).parse(file);
        assertEquals("openai", online.stage(ComponentKind.LLM).provider());
        assertEquals("sk-test", online.stage(ComponentKind.LLM).config().requireString("api_key"));
        assertEquals("https://api.openai.com/v1", online.stage(ComponentKind.LLM).config().requireString("base_url"));
    }

    @Test
    void everyBundledPipelineParses() throws Exception {
        try (var files = Files.list(repoRoot().resolve("pipelines"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Fixtures.parser(Map.of("PARLEY_WHISPER_MODEL", "/m/ggml.bin")).parse(f);
            }
        }
    }

    @Test
    void anUnknownNameListsTheKnownPipelines() {
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineFiles.load("nope", Fixtures.parser(Map.of())));
        assertTrue(e.getMessage().startsWith("no pipeline 'nope'"), e.getMessage());
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (the directory holding .mvn/) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
