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
import java.util.concurrent.TimeUnit;

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
    void withoutJavaHomeTheNewestJdkIsFound() throws Exception {
        Run r = parley(Map.of("JAVA_HOME", ""), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Parley "), r.out);
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
