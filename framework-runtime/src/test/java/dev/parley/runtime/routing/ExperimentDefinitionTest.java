package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variants are checked when the file is loaded; errors name file, line and key. */
class ExperimentDefinitionTest {
    static final String BASE = """
            name: ab-test
            session:
              instructions: "You are a helpful voice assistant."
              voice: alloy
            stages:
              vad:  {provider: energy, config: {threshold: 0.5, hangover_ms: 200}}
              stt:  {provider: pocketsphinx, config: {model_dir: /m}}
              llm:  {provider: rules}
              tts:  {provider: marytts, config: {voice: cmu-slt-hsmm, speed: 1.0}}
            router:
              provider: ab
              config: {experiment: voice-test}
            """;

    static PipelineDefinition parse(String yaml) {
        return new PipelineParser(new EnvInterpolator(k -> null)).parse("pipelines/ab-test.yaml", yaml);
    }

    private static String error(String variants) {
        return assertThrows(ConfigException.class, () -> ExperimentDefinition.of(parse(BASE + variants)))
                .getMessage();
    }

    @Test
    void routerConfigCarriesTheVariantsWithTheirSources() {
        ExperimentDefinition e = ExperimentDefinition.of(parse(BASE + """
                variants:
                  A: {weight: 90}
                  B:
                    weight: 10
                    cohort: {user_prefix: "qa-"}
                """));
        assertEquals(List.of("A", "B"), e.variants().stream().map(VariantSpec::name).toList());
        assertEquals("pipelines/ab-test.yaml:14 variants.A", e.variants().get(0).source());
        assertEquals("variants.B.overrides", e.variants().get(1).yamlPath());
        Map<String, Object> cfg = e.routerConfig().asMap();
        assertEquals("voice-test", cfg.get("experiment"));
        assertEquals("pipelines/ab-test.yaml:13 variants", cfg.get("variants_source"));
        assertEquals(List.of(
                Map.of("weight", 90, "name", "A", "source", "pipelines/ab-test.yaml:14 variants.A"),
                Map.of("weight", 10, "cohort", Map.of("user_prefix", "qa-"), "name", "B",
                        "source", "pipelines/ab-test.yaml:15 variants.B")), cfg.get("variants"));
    }

    @Test
    void aPipelineWithoutRouterOrVariantsIsNoExperiment() {
        assertNull(ExperimentDefinition.of(parse(BASE.substring(0, BASE.indexOf("router:")))));
    }

    @Test
    void overrideOfAnUnknownStage() {
        assertEquals("pipelines/ab-test.yaml:19 variants.B.overrides.stages.ttts: unknown stage; a variant can "
                + "override vad, stt, turn, llm and tts (the base pipeline has vad, stt, llm, tts)", error("""
                variants:
                  A: {weight: 50}
                  B:
                    weight: 50
                    overrides:
                      stages:
                        ttts: {config: {voice: x}}
                """));
    }

    @Test
    void overrideOfAStageTheBaseLacksMustNameAProvider() {
        assertEquals("pipelines/ab-test.yaml:19 variants.B.overrides.stages.turn: the base pipeline has no turn "
                + "stage to override; name a provider to add one ({provider: ID, config: {...}})", error("""
                variants:
                  A: {weight: 50}
                  B:
                    weight: 50
                    overrides:
                      stages:
                        turn: {config: {x: 1}}
                """));
    }

    @Test
    void overrideOfSomethingAVariantCannotChange() {
        assertEquals("pipelines/ab-test.yaml:18 variants.B.overrides.router: a variant cannot override this; it "
                + "can override stages, session, sample_rate and overlap", error("""
                variants:
                  A: {weight: 50}
                  B:
                    weight: 50
                    overrides:
                      router: {provider: other}
                """));
    }

    @Test
    void variantsMustBeMapsAndNeedARouter() {
        assertEquals("pipelines/ab-test.yaml:14 variants.A: must be a map; a variant is a map: {weight: N, "
                + "cohort: {...}, overrides: {stages: ..., session: ...}}", error("""
                variants:
                  A: 50
                """));
        String noRouter = BASE.substring(0, BASE.indexOf("router:")) + "variants:\n  A: {weight: 1}\n";
        assertEquals("pipelines/ab-test.yaml:10 variants: variants need a router to choose between them; add "
                        + "`router: {provider: ab, config: {experiment: NAME}}`",
                assertThrows(ConfigException.class, () -> ExperimentDefinition.of(parse(noRouter))).getMessage());
    }

    /** The merge rules a variant's overrides follow, seen through the definitions they produce. */
    @Test
    void overridesDeepMergeConfigsReplaceStagesWithANewProviderAndMergeSession() {
        PipelineDefinition base = parse(BASE + """
                variants:
                  A: {weight: 50}
                  B:
                    weight: 50
                    overrides:
                      stages:
                        tts: {config: {voice: cmu-bdl-hsmm}}
                        vad: {provider: silero}
                      session: {instructions: "Be brief."}
                """);
        VariantSpec b = ExperimentDefinition.of(base).variants().get(1);
        PipelineDefinition applied = base.withOverrides(b.name(), b.overrides(), b.yamlPath());

        assertEquals("B", applied.variant());
        // same provider: config deep-merged, untouched keys kept
        assertEquals(Map.of("voice", "cmu-bdl-hsmm", "speed", 1.0), applied.stage(ComponentKind.TTS).config().asMap());
        // another provider: the stage is replaced whole, energy's settings do not leak into silero
        assertEquals("silero", applied.stage(ComponentKind.VAD).provider());
        assertEquals(Map.of(), applied.stage(ComponentKind.VAD).config().asMap());
        // session: the variant's instructions, the base's voice
        assertEquals(Map.of("instructions", "Be brief.", "voice", "alloy"), applied.session().asMap());
        // stages it does not mention are the base's
        for (ComponentKind k : List.of(ComponentKind.STT, ComponentKind.LLM)) {
            assertEquals(base.stage(k).provider(), applied.stage(k).provider());
            assertEquals(base.stage(k).config().asMap(), applied.stage(k).config().asMap());
        }
    }
}
