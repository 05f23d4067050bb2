package dev.parley.it;

import dev.parley.api.ConfigKey;
import dev.parley.api.ConfigSpec;
import dev.parley.runtime.cli.ParleyCli;
import dev.parley.runtime.pipeline.RuntimeStageKeys;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.RegisteredProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled plugin provider declares its config keys, its README documents exactly those, and {@code parley
 * pipelines validate} rejects what {@code serve} would reject: a misspelled key, a missing model directory, a voice
 * that is not installed — each naming file, line and key.
 */
class ProviderConfigDeclarationsTest {
    private static final Pattern TABLE_KEY = Pattern.compile("^\\|\\s*`([a-z][a-z0-9_]*)`\\s*\\|");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s+)(?:#\\s*)?([a-z][a-z0-9_]*):");

    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @TempDir
    Path dir;

    @Test
    void everyBundledPluginProviderDeclaresItsKeys() {
        List<String> undeclared = pluginProviders().stream().filter(p -> !p.provider().configSpec().declared())
                .map(p -> p.kind().yamlKey() + " " + p.id() + " (" + p.origin().pluginId() + ")").toList();
        assertTrue(undeclared.isEmpty(), "providers without a config declaration: " + undeclared);
        assertTrue(pluginProviders().size() >= 13, "bundled providers: " + pluginProviders().size());
    }

    @Test
    void eachPluginReadmeDocumentsExactlyTheKeysItsProvidersDeclare() throws IOException {
        Set<String> declaredAnywhere = new TreeSet<>();
        pluginProviders().forEach(p -> names(p.provider().configSpec()).forEach(declaredAnywhere::add));
        for (var kind : dev.parley.api.ComponentKind.values()) {
            names(RuntimeStageKeys.of(kind)).forEach(declaredAnywhere::add);
        }
        List<String> problems = new ArrayList<>();
        for (String pluginId : pluginProviders().stream().map(p -> p.origin().pluginId()).distinct().toList()) {
            Set<String> documented = documentedKeys(RepoPaths.root().resolve("plugins").resolve(pluginId)
                    .resolve("README.md"));
            for (RegisteredProvider p : pluginProviders()) {
                if (p.origin().pluginId().equals(pluginId)) {
                    names(p.provider().configSpec()).stream().filter(k -> !documented.contains(k))
                            .forEach(k -> problems.add(pluginId + "/README.md does not document " + p.id() + "'s '"
                                    + k + "'"));
                }
            }
            documented.stream().filter(k -> !declaredAnywhere.contains(k))
                    .forEach(k -> problems.add(pluginId + "/README.md documents '" + k + "', which no provider"
                            + " declares"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void validateRejectsAMisspelledKeyAtItsLineWithAHint() throws IOException {
        Path bad = pipeline("stt:  {provider: pocketsphinx, config: {partial_intervall_ms: 200}}",
                "tts:  {provider: marytts, config: {voice: cmu-slt-hsmm, bogus_opt: 3}}");
        String[] r = validate(bad);
        assertEquals("2", r[0], r[1]);
        assertTrue(r[2].contains(bad + ":9 stages.stt.config.partial_intervall_ms: unknown key for stt provider"
                + " 'pocketsphinx'; did you mean 'partial_interval_ms'?"), r[2]);
        assertTrue(r[2].contains(bad + ":12 stages.tts.config.bogus_opt: unknown key for tts provider 'marytts';"
                + " it reads voice, speed, pitch, chunk_ms, max_clause_chars"), r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);
    }

    @Test
    void validateRejectsAMissingModelDirectoryAsServeDoes() throws IOException {
        Path bad = pipeline("stt:  {provider: pocketsphinx, config: {model_dir: /nonexistent}}",
                "tts:  {provider: marytts, config: {voice: cmu-slt-hsmm}}");
        String[] r = validate(bad);
        assertEquals("2", r[0], r[1]);
        assertTrue(r[2].contains(bad + ":9 stages.stt.config: ") && r[2].contains("/nonexistent"), r[2]);
    }

    @Test
    void validateRejectsAVoiceThatIsNotInstalledAsServeDoes() throws IOException {
        Path bad = pipeline("stt:  {provider: pocketsphinx}", "tts:  {provider: marytts, config: {voice: cmu-bdl-hsmm}}");
        String[] r = validate(bad);
        assertEquals("2", r[0], r[1]);
        assertTrue(r[2].contains(bad + ":12 stages.tts.config: key 'voice': ") && r[2].contains("cmu-bdl-hsmm"), r[2]);
    }

    @Test
    void describePrintsAProvidersDeclaredKeys() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "plugins", "--describe", "marytts",
                "--plugins-dir", RepoPaths.plugins().toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("tts provider 'marytts' from plugin tts-marytts"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("voice\\s+string\\s+cmu-slt-hsmm\\s+.+")), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("chunk_ms\\s+integer\\s+20\\s+.+")), out.toString());
    }

    private List<RegisteredProvider> pluginProviders() {
        return loaded.registry().all().stream().filter(p -> !p.origin().isBuiltIn()).toList();
    }

    private static List<String> names(ConfigSpec spec) {
        return spec.keys().stream().map(ConfigKey::name).toList();
    }

    /** Keys in tables whose first column is "key", and keys inside {@code config:} blocks of yaml examples. */
    static Set<String> documentedKeys(Path readme) throws IOException {
        Set<String> keys = new TreeSet<>();
        boolean keyTable = false;
        boolean inTable = false;
        boolean inYaml = false;
        int configIndent = -1;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("|")) {
                if (!inTable) {
                    String first = line.substring(1).split("\\|")[0].trim();
                    keyTable = first.equalsIgnoreCase("key");
                    inTable = true;
                }
                Matcher m = TABLE_KEY.matcher(line);
                if (keyTable && m.find()) {
                    keys.add(m.group(1));
                }
                continue;
            }
            inTable = false;
            if (line.startsWith("```")) {
                inYaml = line.startsWith("```yaml") && !inYaml;
                configIndent = -1;
                continue;
            }
            if (!inYaml) {
                continue;
            }
            Matcher m = YAML_KEY.matcher(line);
            int indent = line.length() - line.stripLeading().length();
            if (configIndent >= 0 && !line.isBlank() && indent <= configIndent) {
                configIndent = -1;
            }
            if (configIndent >= 0 && m.find()) {
                keys.add(m.group(2));
            } else if (line.strip().equals("config:")) {
                configIndent = indent;
            }
        }
        return keys;
    }

    /** A copy of the default pipeline's shape with the given stt and tts lines (the stt on line 9, tts on 12). */
    private Path pipeline(String stt, String tts) throws IOException {
        String yaml = String.join("\n", Arrays.asList(
                "name: declared-keys",
                "sample_rate: 16000",
                "overlap: true",
                "session:",
                "  instructions: \"You are a helpful voice assistant.\"",
                "  voice: alloy",
                "stages:",
                "  vad:  {provider: energy, config: {}}",
                "  " + stt,
                "  turn: {provider: pocketsphinx-lm}",
                "  llm:  {provider: rules}",
                "  " + tts)) + "\n";
        return Files.writeString(dir.resolve("declared-keys.yaml"), yaml);
    }

    private static String[] validate(Path pipeline) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "pipelines", "validate",
                pipeline.toString(), "--plugins-dir", RepoPaths.plugins().toString());
        return new String[] {String.valueOf(code), out.toString(), err.toString().lines()
                .collect(Collectors.joining("\n"))};
    }
}
