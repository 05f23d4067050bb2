package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineParserTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void aCompleteFileParsesWithSourcesNamingFileLineAndKey() {
        PipelineDefinition p = Fixtures.parse("good.yaml", NO_ENV);
        assertEquals("good", p.name(), "name defaults to the file name");
        assertNull(p.variant());
        assertEquals(24000, p.sampleRate());
        assertEquals(false, p.overlap());
        assertEquals("alloy", p.session().requireString("voice"));
        assertTrue(p.session().source().endsWith("good.yaml:4 session"), p.session().source());

        StageDefinition stt = p.stage(ComponentKind.STT);
        assertEquals("fixture-stt", stt.provider());
        assertEquals("/models/en", stt.config().requireString("model_dir"));
        assertEquals(8, stt.config().asMap().get("beam"), "unquoted numbers stay numbers");
        assertTrue(stt.config().source().endsWith("pipelines/good.yaml:11 stages.stt.config"), stt.config().source());
        assertTrue(stt.source().endsWith("pipelines/good.yaml:9 stages.stt"), stt.source());
        assertEquals(0.5, p.stage(ComponentKind.VAD).config().number("threshold", 0));
        assertNull(p.stage(ComponentKind.TURN), "turn is optional");
        assertEquals(ComponentConfig.empty().asMap(), p.stage(ComponentKind.TTS).config().asMap());
    }

    @Test
    void theFirstAlternativeWhoseWhenIsNonEmptyIsChosenAndOthersAreNotExpanded() {
        StageDefinition fallback = Fixtures.parse("good.yaml", NO_ENV).stage(ComponentKind.LLM);
        assertEquals("fixture-llm", fallback.provider(), "TEST_UNSET_SECRET of the skipped alternative is not demanded");
        assertTrue(fallback.config().source().endsWith("good.yaml:19 stages.llm[1].config"), fallback.config().source());

        StageDefinition remote = Fixtures.parse("good.yaml", Map.of("TEST_API_KEY", "k", "TEST_UNSET_SECRET", "s"))
                .stage(ComponentKind.LLM);
        assertEquals("remote-llm", remote.provider());
        assertEquals("k", remote.config().requireString("api_key"));
    }

    @Test
    void aChosenAlternativeWithAnUnsetVariableNamesFileLineAndKey() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> Fixtures.parse("good.yaml", Map.of("TEST_API_KEY", "k")));
        assertTrue(e.getMessage().endsWith("pipelines/good.yaml:17 stages.llm[0].config.secret_required: environment"
                + " variable TEST_UNSET_SECRET is not set and has no default; set it or write"
                + " ${TEST_UNSET_SECRET:-default}"), e.getMessage());
    }

    @Test
    void placeholdersInUnquotedScalarsAreTypedAfterExpansion() {
        PipelineDefinition p = Fixtures.parse("good.yaml", Map.of("TEST_RATE", "8000", "TEST_VOICE", "true"));
        assertEquals(8000, p.sampleRate());
        assertEquals(true, p.session().asMap().get("voice"));
        PipelineException e = assertThrows(PipelineException.class,
                () -> Fixtures.parse("good.yaml", Map.of("TEST_RATE", "fast")));
        assertTrue(e.getMessage().endsWith("good.yaml:2 sample_rate: must be a whole number of Hz between 8000 and"
                + " 192000 such as 16000, got 'fast'"), e.getMessage());
    }

    @Test
    void routerAndVariantsAreKeptAsPlainMaps() {
        PipelineDefinition p = Fixtures.parse("good.yaml", NO_ENV);
        assertEquals("ab", p.routerStage().provider());
        assertEquals(7, p.routerStage().config().integer("seed", 0));
        assertEquals("user", p.router().get("sticky_by"));
        assertEquals(Map.of("stages", Map.of("tts", Map.of("provider", "other-tts", "config", Map.of("voice", "slow")))),
                p.variants().get("b"));
    }

    @Test
    void malformedYamlNamesTheLine() {
        PipelineException e = assertThrows(PipelineException.class, () -> Fixtures.parse("malformed.yaml", NO_ENV));
        assertTrue(e.getMessage().matches(".*pipelines/malformed\\.yaml:3: malformed YAML: .+"), e.getMessage());
    }

    @Test
    void aMissingRequiredStageIsNamed() {
        PipelineException e = assertThrows(PipelineException.class, () -> Fixtures.parse("missing-stage.yaml", NO_ENV));
        assertTrue(e.getMessage().endsWith("pipelines/missing-stage.yaml:1 stages.tts: missing required stage; add"
                + " e.g. `tts: {provider: ID}` (`parley plugins` lists the ids)"), e.getMessage());
    }

    @Test
    void aStageWithoutProviderIsNamed() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> Fixtures.parse("missing-provider-key.yaml", NO_ENV));
        assertTrue(e.getMessage().endsWith("pipelines/missing-provider-key.yaml:3 stages.stt: missing key `provider`"
                + " (the id of a stt provider; `parley plugins` lists them)"), e.getMessage());
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesFileLineAndKey() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> Fixtures.parse("bad-interpolation.yaml", NO_ENV));
        assertTrue(e.getMessage().endsWith("pipelines/bad-interpolation.yaml:7 stages.llm.config.api_key: environment"
                + " variable PARLEY_TEST_SURELY_UNSET_KEY is not set and has no default; set it or write"
                + " ${PARLEY_TEST_SURELY_UNSET_KEY:-default}"), e.getMessage());
    }

    @Test
    void structuralMistakesAreNamed() {
        String stages = "stages:\n  vad: {provider: v}\n  stt: {provider: s}\n  llm: {provider: l}\n  tts: {provider: t}\n";
        assertError("x.yaml:1 stagess: unknown key; a pipeline has name, sample_rate, overlap, session, stages,"
                + " router, variants, record", "stagess: {}\n" + stages);
        assertError("x.yaml:6 stages.tss: unknown stage; stages are denoise, vad, stt, turn, llm, tts",
                stages + "  tss: {provider: t}\n");
        assertError("x.yaml:6 stages.router: unknown stage; stages are denoise, vad, stt, turn, llm, tts (router is top-level)",
                stages + "  router: {provider: ab}\n");
        assertError("x.yaml:2 stages.vad.confg: unknown key; a stage has `provider`, `config` and, inside a list of"
                + " alternatives, `when`", stages.replace("{provider: v}", "{provider: v, confg: {}}"));
        assertError("x.yaml:3 stages.vad: duplicate key (first at line 2)", stages.replace("  stt:", "  vad:"));
        assertError("x.yaml:2 stages.vad.when: `when` only applies to a list of alternatives; write the stage as a list"
                + " (- when: ... provider: ...) or drop `when`", stages.replace("{provider: v}", "{provider: v, when: x}"));
        assertError("x.yaml:4 stages.llm: no alternative applies: every `when` expanded to an empty string; end the"
                + " list with an alternative that has no `when`",
                stages.replace("{provider: l}", "[{when: '${UNSET_A:-}', provider: a}]"));
        assertError("x.yaml:4 stages.llm: the list of alternatives is empty; give at least one {provider: ID}",
                stages.replace("{provider: l}", "[]"));
        assertError("x.yaml:1 overlap: must be true or false, got 'maybe'", "overlap: maybe\n" + stages);
        assertError("x.yaml:1 session: must be a map of keys, got 'hello'", "session: hello\n" + stages);
        assertError("x.yaml:2 stages.vad.config: must be a map of keys, got a list",
                stages.replace("{provider: v}", "{provider: v, config: [1]}"));
        assertError("x.yaml:1: the file is empty; a pipeline needs at least `stages:`", "# nothing\n");
        assertError("x.yaml:1: a pipeline must be a map with `stages:`, got a list", "- a\n- b\n");
        assertError("x.yaml:1 stages: missing; a pipeline needs stages vad, stt, llm and tts (turn and denoise are optional)",
                "name: x\n");
        assertError("x.yaml:2 stages.vad.provider: bad placeholder '${-}': write ${NAME} or ${NAME:-default} where NAME"
                + " is letters, digits and underscores", stages.replace("{provider: v}", "{provider: '${-}'}"));
    }

    @Test
    void anEmbeddedPipelineNamesItsClasspathSource() {
        PipelineDefinition p = Fixtures.parser(NO_ENV).parse("classpath:pipelines/demo.yaml",
                "stages: {vad: {provider: v}, stt: {provider: s}, llm: {provider: l}, tts: {provider: t}}");
        assertEquals("demo", p.name());
        assertEquals(16000, p.sampleRate());
        assertEquals(true, p.overlap());
        assertEquals("classpath:pipelines/demo.yaml:1 stages.tts.config", p.stage(ComponentKind.TTS).config().source());
    }

    private static void assertError(String expected, String yaml) {
        PipelineException e = assertThrows(PipelineException.class, () -> Fixtures.parser(NO_ENV).parse("x.yaml", yaml));
        assertEquals(expected, e.getMessage());
    }
}
