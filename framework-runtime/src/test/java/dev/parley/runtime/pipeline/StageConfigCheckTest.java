package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.MissingResourceException;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.ProviderOrigin;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declared config keys: unknown keys and wrong types fail check (validate and serve), resources fail validate. */
class StageConfigCheckTest {
    private static final String YAML = """
            name: keys
            stages:
              vad:
                provider: declared-vad
                config:
                  min_speech_ms: 80
                  threshold: 0.4
              stt:
                provider: declared-stt
                config:
                  model_dir: /nonexistent
                  partial_interval_ms: 150
              llm: {provider: undeclared-llm, config: {anything: goes}}
              tts: {provider: undeclared-tts}
            """;

    private final List<String> checked = new ArrayList<>();
    private boolean vadModelFetched = true;

    @Test
    void aPipelineUsingOnlyDeclaredAndRuntimeKeysPassesTheKeyCheck() {
        PipelineValidator.check(parse(YAML), registry());
    }

    @Test
    void anUnknownKeyNamesFileLineAndPathWithADidYouMeanHint() {
        String yaml = YAML.replace("partial_interval_ms: 150", "partial_intervl_ms: 150\n      bogus_opt: 3");
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(parse(yaml), registry()));
        String[] lines = e.getMessage().split(System.lineSeparator());
        assertEquals(2, lines.length, e.getMessage());
        assertTrue(lines[0].startsWith("pipelines/keys.yaml:12 stages.stt.config.partial_intervl_ms: unknown key for"
                + " stt provider 'declared-stt'; did you mean 'partial_interval_ms'?"), lines[0]);
        assertTrue(lines[1].startsWith("pipelines/keys.yaml:13 stages.stt.config.bogus_opt: unknown key for stt"
                + " provider 'declared-stt'; it reads model_dir, partial_interval_ms, early_final_ms"), lines[1]);
        assertTrue(lines[1].contains("parley plugins --describe declared-stt"), lines[1]);
    }

    @Test
    void aRuntimeKeyOfAnotherKindIsUnknownAndTheHintFindsTheNearestKey() {
        String yaml = YAML.replace("min_speech_ms: 80", "min_speech: 80\n      early_final_ms: 100");
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(parse(yaml), registry()));
        assertTrue(e.getMessage().contains("pipelines/keys.yaml:6 stages.vad.config.min_speech: unknown key for vad"
                + " provider 'declared-vad'; did you mean 'min_speech_ms'?"), e.getMessage());
        assertTrue(e.getMessage().contains("stages.vad.config.early_final_ms: unknown key"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsOwnLine() {
        String yaml = YAML.replace("partial_interval_ms: 150", "partial_interval_ms: often");
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineValidator.check(parse(yaml), registry()));
        assertEquals("pipelines/keys.yaml:12 stages.stt.config.partial_interval_ms: key 'partial_interval_ms' must be"
                + " an integer, got 'often'", e.getMessage());
    }

    @Test
    void checkResourcesRunsEachProvidersOwnCheckAndReportsEveryProblem() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> PipelineValidator.checkResources(parse(YAML), registry()));
        assertEquals("pipelines/keys.yaml:10 stages.stt.config: key 'model_dir' names /nonexistent, which is not a"
                + " directory", e.getMessage());
        assertEquals(List.of("declared-vad", "declared-stt"), checked, "every stage's check ran, in order");
    }

    @Test
    void resourceChecksPassWhenTheResourceIsThere() throws Exception {
        String dir = Files.createTempDirectory("model").toString();
        PipelineValidator.checkResources(parse(YAML.replace("/nonexistent", dir)), registry());
    }

    @Test
    void whatOnlyThisMachineLacksIsAWarningNotAnError() throws Exception {
        vadModelFetched = false;
        String dir = Files.createTempDirectory("model").toString();
        List<String> warnings = PipelineValidator.checkResources(parse(YAML.replace("/nonexistent", dir)), registry());
        assertEquals(List.of("pipelines/keys.yaml:5 stages.vad.config: the default model is not fetched yet"), warnings);
    }

    @Test
    void urlsMustBeWellFormedAndBlankMeansUnset() {
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigType.URL.check(
                new ComponentConfig(Map.of("base_url", "localhost:8080/v1"), "x.yaml:3 stages.llm.config"), "base_url"));
        assertEquals("x.yaml:3 stages.llm.config: key 'base_url' must start with http://, https://, ws:// or wss://,"
                + " got 'localhost:8080/v1'", bad.getMessage());
        ConfigException noHost = assertThrows(ConfigException.class, () -> ConfigType.URL.check(
                new ComponentConfig(Map.of("base_url", "http:///v1"), "s"), "base_url"));
        assertTrue(noHost.getMessage().contains("has no host"), noHost.getMessage());
        ConfigType.URL.check(new ComponentConfig(Map.of("base_url", "http://127.0.0.1:8080/v1"), "s"), "base_url");
        ConfigType.URL.check(new ComponentConfig(Map.of("base_url", " "), "s"), "base_url");
    }

    @Test
    void theBuiltInEnergyVadAndTheRulesResponderRefuseAMisspelledKeyWithAHint() {
        String yaml = """
                name: builtins
                stages:
                  vad:
                    provider: energy
                    config:
                      min_speech_ms: 80
                      snr_mid_dB: 6
                  stt: {provider: undeclared-stt}
                  llm:
                    provider: rules
                    config:
                      word_delay: 10
                      time_zone: UTC
                  tts: {provider: undeclared-tts}
                """;
        ComponentRegistry builtins = ComponentRegistry.builder()
                .add(new dev.parley.runtime.builtin.vad.EnergyVadProvider(), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.STT, "undeclared-stt", SttEngine.class, new ArrayList<>(),
                        null), ProviderOrigin.builtIn())
                .add(new dev.parley.plugins.rules.RuleBasedResponderProvider(), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.TTS, "undeclared-tts", TtsEngine.class, new ArrayList<>(),
                        null), ProviderOrigin.builtIn())
                .build();
        PipelineException e = assertThrows(PipelineException.class,
                () -> PipelineValidator.check(parse(yaml), builtins));
        String[] lines = e.getMessage().split(System.lineSeparator());
        assertEquals(2, lines.length, e.getMessage());
        assertTrue(lines[0].startsWith("pipelines/keys.yaml:7 stages.vad.config.snr_mid_dB: unknown key for vad"
                + " provider 'energy'; did you mean 'snr_mid_db'?"), lines[0]);
        assertTrue(lines[1].startsWith("pipelines/keys.yaml:12 stages.llm.config.word_delay: unknown key for llm"
                + " provider 'rules'; did you mean 'word_delay_ms'?"), lines[1]);
        PipelineValidator.check(parse(yaml.replace("snr_mid_dB", "snr_mid_db").replace("word_delay:",
                "word_delay_ms:")), builtins);
    }

    @Test
    void theEnergyVadAndRulesChecksRefuseOutOfRangeValuesAtValidate() {
        String yaml = """
                name: builtins
                stages:
                  vad: {provider: energy, config: {frame_ms: 5}}
                  stt: {provider: undeclared-stt}
                  llm: {provider: rules, config: {time_zone: Mars/Olympus}}
                  tts: {provider: undeclared-tts}
                """;
        ComponentRegistry builtins = ComponentRegistry.builder()
                .add(new dev.parley.runtime.builtin.vad.EnergyVadProvider(), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.STT, "undeclared-stt", SttEngine.class, new ArrayList<>(),
                        null), ProviderOrigin.builtIn())
                .add(new dev.parley.plugins.rules.RuleBasedResponderProvider(), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.TTS, "undeclared-tts", TtsEngine.class, new ArrayList<>(),
                        null), ProviderOrigin.builtIn())
                .build();
        PipelineException e = assertThrows(PipelineException.class,
                () -> PipelineValidator.checkResources(parse(yaml), builtins));
        assertTrue(e.getMessage().contains("key 'frame_ms' must be between 10 and 64"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'time_zone' is not a known time zone"), e.getMessage());
    }

    private static PipelineDefinition parse(String yaml) {
        return Fixtures.parser(Map.of()).parse("pipelines/keys.yaml", yaml);
    }

    private ComponentRegistry registry() {
        return ComponentRegistry.builder()
                .add(new DeclaredVad(), ProviderOrigin.builtIn())
                .add(new DeclaredStt(), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.LLM, "undeclared-llm", dev.parley.api.llm.LlmEngine.class,
                        new ArrayList<>(), null), ProviderOrigin.builtIn())
                .add(new RecordingProvider(ComponentKind.TTS, "undeclared-tts", TtsEngine.class, new ArrayList<>(),
                        null), ProviderOrigin.builtIn())
                .build();
    }

    private final class DeclaredVad implements VadProvider {
        @Override
        public String id() {
            return "declared-vad";
        }

        @Override
        public ConfigSpec configSpec() {
            return ConfigSpec.builder().key("threshold", ConfigType.NUMBER, "0.5", "speech probability").build();
        }

        @Override
        public void check(ComponentConfig config, ComponentContext context) {
            checked.add(id());
            if (!vadModelFetched) {
                throw new MissingResourceException(config.source() + ": the default model is not fetched yet");
            }
        }

        @Override
        public VadEngine create(ComponentConfig config) {
            throw new UnsupportedOperationException("not created by these tests");
        }
    }

    private final class DeclaredStt implements SttProvider {
        @Override
        public String id() {
            return "declared-stt";
        }

        @Override
        public ConfigSpec configSpec() {
            return ConfigSpec.builder()
                    .key("model_dir", ConfigType.PATH, "/usr/share/model", "model directory")
                    .key("partial_interval_ms", ConfigType.INTEGER, "150", "audio between partials")
                    .build();
        }

        @Override
        public void check(ComponentConfig config, ComponentContext context) {
            checked.add(id());
            String dir = config.string("model_dir", "/usr/share/model");
            if (!Files.isDirectory(java.nio.file.Path.of(dir))) {
                throw new ConfigException(config.source() + ": key 'model_dir' names " + dir
                        + ", which is not a directory");
            }
        }

        @Override
        public SttEngine create(ComponentConfig config) {
            throw new UnsupportedOperationException("not created by these tests");
        }
    }
}
