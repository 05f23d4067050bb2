package dev.parley.it;

import dev.parley.runtime.cli.ParleyCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pipelines/*.yaml validates against the real bundled plugins, experiments (router + variants) included. */
class BundledPipelinesTest {
    @TempDir
    Path dir;

    static List<Path> bundledPipelines() throws IOException {
        try (Stream<Path> files = Files.list(RepoPaths.root().resolve("pipelines"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledPipelines")
    void validates(Path pipeline) {
        String[] r = validate(pipeline);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains(": ok, pipeline '"), r[1]);
    }

    @Test
    void anExperimentListsItsVariants() {
        String[] r = validate(RepoPaths.root().resolve("pipelines/ab-test.yaml"));
        assertTrue(r[1].contains("router=ab), variants A, B"), r[1]);
    }

    @Test
    void aVariantNamingAnUnknownProviderIsAConfigErrorAtItsLine() throws IOException {
        String ab = Files.readString(RepoPaths.root().resolve("pipelines/ab-test.yaml"));
        assertTrue(ab.contains("        vad: {provider: silero}"), "ab-test.yaml changed; update this test");
        Path bad = Files.writeString(dir.resolve("ab-bad.yaml"), ab.replace("        vad: {provider: silero}", "        vad: {provider: silly}"));
        int line = lineOf(ab, "        vad: {provider: silero}");
        String[] r = validate(bad);
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("parley: " + bad + ":" + line + " stages.vad.provider: unknown vad provider 'silly'"
                + " in variant B; available: "), r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);
    }

    private static int lineOf(String text, String content) {
        List<String> lines = text.lines().toList();
        return lines.indexOf(content) + 1;
    }

    /** exit code, stdout, stderr of {@code parley pipelines validate FILE} against build/plugins. */
    private static String[] validate(Path pipeline) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "pipelines", "validate", pipeline.toString(),
                "--plugins-dir", RepoPaths.plugins().toString());
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
