package dev.parley.it;

import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.PluginSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code ./parley} launcher (bash) and through it the runnable runtime jar, as a user does.
 * PARLEY_SKIP_BUILD keeps the launcher from starting a nested Maven build inside this one.
 */
class LauncherTest {
    @TempDir
    Path emptyJvmDir;

    @Test
    void pluginsThroughTheLauncherListsEveryBundledPlugin() throws Exception {
        Run r = parley(Map.of(), "plugins");
        assertEquals(0, r.code, r.err);
        for (PluginSummary plugin : ComponentLoader.shared(RepoPaths.plugins()).plugins()) {
            assertTrue(r.out.contains(plugin.id()), plugin.id() + " missing from\n" + r.out);
        }
    }

    @Test
    void theDefaultPipelineValidatesThroughTheLauncher() throws Exception {
        Run r = parley(Map.of(), "pipelines", "validate", "pipelines/default.yaml");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("pipelines/default.yaml: ok"), r.out);
    }

    @Test
    void aConfigErrorExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path bad = Files.writeString(emptyJvmDir.resolve("bad.yaml"), "stages: {vad: {provider: energy}\n");
        Run r = parley(Map.of(), "pipelines", "validate", bad.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("parley: " + bad + ":2: malformed YAML"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void withoutAJdkTheLauncherSaysHowToGetOne() throws Exception {
        Run r = parley(Map.of("JAVA_HOME", "/nonexistent", "PARLEY_JVM_DIR", emptyJvmDir.toString()), "plugins");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("no JDK 21 or newer found") && r.err.contains("apt-get install openjdk-21-jdk"), r.err);
    }

    @Test
    void theBenchIsACommandOfTheLauncherThoughNotOfTheServerJar() throws Exception {
        Run help = parley(Map.of(), "--help");
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.lines().anyMatch(l -> l.trim().startsWith("bench ")), help.out);
        Run bench = parley(Map.of(), "bench", "--help");
        assertEquals(0, bench.code, bench.err);
        assertTrue(bench.out.startsWith("Usage: parley bench"), bench.out);
        try (JarFile server = new JarFile(RepoPaths.root().resolve("framework-runtime/target/parley-runtime.jar").toFile())) {
            assertTrue(server.stream().noneMatch(e -> e.getName().startsWith("dev/parley/bench/")
                    || e.getName().startsWith("dev/parley/plugins/rules/")), "tooling classes in the server jar");
        }
    }

    @Test
    void serveRunsOnlyTheServePrerequisitesAndTestRunsBoth() throws Exception {
        Path fragments = Files.createDirectories(emptyJvmDir.resolve("prereqs.d"));
        Path ran = emptyJvmDir.resolve("ran.txt");
        fragment(fragments.resolve("a-test.sh"), "test", ran);
        fragment(fragments.resolve("b-serve.sh"), "serve", ran);
        Map<String, String> env = Map.of("PARLEY_PREREQS_DIR", fragments.toString());
        // An option the server rejects before loading anything: serve got past its prerequisites to the CLI.
        Run serve = parley(env, "serve", "--conversation-audio-mb", "-1");
        assertEquals(2, serve.code, serve.err);
        assertTrue(serve.err.contains("--conversation-audio-mb must be 0 or more"), serve.err);
        assertEquals(List.of("b-serve.sh serve"), Files.readAllLines(ran));
        Files.delete(ran);
        Run all = parley(env, "prereqs");
        assertEquals(0, all.code, all.err);
        assertEquals(List.of("b-serve.sh test", "a-test.sh test"), Files.readAllLines(ran), "serve set first");
    }

    @Test
    void aPrerequisiteFragmentWithoutASetIsRefused() throws Exception {
        Path fragments = Files.createDirectories(emptyJvmDir.resolve("prereqs.d"));
        Files.writeString(fragments.resolve("untagged.sh"), "#!/usr/bin/env bash\necho ran\n");
        Run r = parley(Map.of("PARLEY_PREREQS_DIR", fragments.toString()), "prereqs");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("untagged.sh has no '# prereqs-set: serve' or '# prereqs-set: test' line"), r.err);
        assertFalse(r.out.contains("ran"), r.out);
    }

    /** The real fragments: the serve set installs what a server loads, none of the test tools. */
    @Test
    void theServePrerequisitesAreNoTestTools() throws Exception {
        Run r = parley(Map.of(), "prereqs", "--list");
        assertEquals(0, r.code, r.err);
        Map<String, String> sets = new TreeMap<>();
        r.out.lines().map(l -> l.trim().split("\\s+")).forEach(cells -> sets.put(cells[1], cells[0]));
        assertEquals("serve", sets.get("scripts/prereqs.d/pocketsphinx.sh"), r.out);
        for (String test : List.of("marytts-test", "node-clients", "test-audio")) {
            assertEquals("test", sets.get("scripts/prereqs.d/" + test + ".sh"), r.out);
        }
        Pattern testTools = Pattern.compile("\\b(flite|sox)\\b|npm install|node_modules");
        for (Map.Entry<String, String> f : sets.entrySet()) {
            if (f.getValue().equals("serve")) {
                String script = Files.readString(RepoPaths.root().resolve(f.getKey()));
                assertFalse(testTools.matcher(script).find(), f.getKey() + " installs a test tool");
            }
        }
    }

    @Test
    void withoutJavaHomeTheNewestJdkIsFound() throws Exception {
        Run r = parley(Map.of("JAVA_HOME", ""), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Parley "), r.out);
    }

    /** A fragment of {@code set} that appends "its name, the set it runs in" to {@code ran}. */
    private static void fragment(Path file, String set, Path ran) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n# prereqs-set: " + set + "\n"
                + "echo \"$(basename \"$0\") $PARLEY_PREREQS_SET\" >> '" + ran + "'\n");
    }

    private static Run parley(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", RepoPaths.root().resolve("parley").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(RepoPaths.root().toFile());
        pb.environment().put("PARLEY_SKIP_BUILD", "1");
        pb.environment().putAll(env);
        // Files, not pipes: a full stderr pipe would block the launcher while we read stdout.
        Path out = Files.createTempFile("parley-out", ".txt");
        Path err = Files.createTempFile("parley-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./parley " + String.join(" ", args) + " did not finish in 60 s");
        }
        try {
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private record Run(int code, String out, String err) {
    }
}
