package dev.parley.runtime.cli;

import dev.parley.runtime.plugins.FixturePlugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real CLI in-process against a real plugin zip. */
class ParleyCliTest {
    @TempDir
    static Path plugins;

    @BeforeAll
    static void buildPlugin() throws Exception {
        FixturePlugins.voice().buildInto(plugins);
    }

    @Test
    void pluginsListsEveryProviderWithItsPluginAndVersion() {
        Result r = run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.lines().anyMatch(l -> l.matches("vad\\s+fixture-vad\\s+fixture-voice\\s+1\\.2\\.3\\s+fixture fixture-vad")),
                r.out);
        for (String id : new String[] {"fixture-stt", "fixture-llm", "fixture-tts"}) {
            assertTrue(r.out.contains(id), r.out);
        }
        assertTrue(r.out.lines().findFirst().orElseThrow().matches("KIND\\s+ID\\s+PLUGIN\\s+VERSION\\s+DESCRIPTION"), r.out);
    }

    @Test
    void describeSaysAnUndeclaredProviderAcceptsAnyKeyAndListsTheRuntimesStageKeys() {
        Result r = run("plugins", "--describe", "fixture-vad", "--plugins-dir", plugins.toString());
        assertEquals(0, r.code, r.err);
        String first = r.out.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("vad provider 'fixture-vad' from plugin fixture-voice 1.2.3")
                && first.endsWith(": fixture fixture-vad"), r.out);
        assertTrue(r.out.contains("declares no config keys: any key is accepted and none is checked"), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.matches("KEY\\s+TYPE\\s+DEFAULT\\s+DESCRIPTION")), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.matches("min_speech_ms\\s+integer\\s+100\\s+.*\\(runtime, every vad"
                + " stage\\)")), r.out);
    }

    @Test
    void describeOfAnUnknownIdIsAConfigError() {
        Result r = run("plugins", "--describe", "nope", "--plugins-dir", plugins.toString());
        assertEquals(2, r.code, r.out);
        assertTrue(r.err.contains("no provider 'nope'; `parley plugins` lists them"), r.err);
    }

    @Test
    void serveRejectsANegativeConversationAudioBudgetBeforeLoadingAnything() {
        Result r = run("serve", "--conversation-audio-mb", "-1", "--plugins-dir", plugins.toString());
        assertEquals(2, r.code, r.out);
        assertTrue(r.err.contains("--conversation-audio-mb must be 0 or more, got -1"), r.err);
    }

    @Test
    void validateAcceptsAGoodPipeline() {
        Result r = run("pipelines", "validate", fixture("valid.yaml"), "--plugins-dir", plugins.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("valid.yaml: ok, pipeline 'fixture' (vad=fixture-vad, stt=fixture-stt,"
                + " llm=fixture-llm, tts=fixture-tts)"), r.out);
    }

    @Test
    void validateRejectsAnUnknownProviderWithOneClearLineAndNoStackTrace() {
        Result r = run("pipelines", "validate", fixture("unknown-provider.yaml"), "--plugins-dir", plugins.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("parley: ") && r.err.contains("unknown-provider.yaml:3 stages.stt.provider: unknown"
                + " stt provider 'wisper'; available: fixture-stt"), r.err);
        assertNoStackTrace(r);
    }

    @Test
    void malformedYamlExitsTwoWithoutStackTrace() {
        Result r = run("pipelines", "validate", fixture("malformed.yaml"), "--plugins-dir", plugins.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("malformed.yaml:3: malformed YAML"), r.err);
        assertNoStackTrace(r);
    }

    @Test
    void verboseAddsTheStackTraceWhereverItIsWritten() {
        Result after = run("pipelines", "validate", fixture("malformed.yaml"), "--plugins-dir", plugins.toString(), "--verbose");
        assertEquals(2, after.code);
        assertTrue(after.err.contains("\tat "), after.err);
        Result before = run("--verbose", "pipelines", "validate", fixture("malformed.yaml"));
        assertTrue(before.err.contains("\tat "), before.err);
    }

    @Test
    void usageErrorsExitTwo() {
        Result unknownOption = run("plugins", "--bogus");
        assertEquals(2, unknownOption.code);
        assertTrue(unknownOption.err.contains("Unknown option: '--bogus'"), unknownOption.err);
        assertTrue(unknownOption.err.contains("Try 'parley plugins --help'"), unknownOption.err);
        assertEquals(2, run("pipelines", "validate").code);
        assertEquals(2, run("no-such-command").code);
        assertNoStackTrace(unknownOption);
    }

    @Test
    void aMissingPluginsDirectoryIsAConfigError() {
        Result r = run("plugins", "--plugins-dir", plugins.resolve("missing").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("plugins directory") && r.err.contains("does not exist"), r.err);
        assertNoStackTrace(r);
    }

    @Test
    void noArgumentsPrintsUsageListingTheSubcommands() {
        Result r = run();
        assertEquals(0, r.code);
        assertTrue(r.out.contains("plugins") && r.out.contains("pipelines"), r.out);
    }

    private static void assertNoStackTrace(Result r) {
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), r.err);
        assertEquals(1, r.err.lines().filter(l -> l.startsWith("parley: ")).count(), r.err);
    }

    private static String fixture(String name) {
        try {
            return Path.of(ParleyCliTest.class.getResource("/pipelines/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
