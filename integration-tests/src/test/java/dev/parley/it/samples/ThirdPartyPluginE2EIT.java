package dev.parley.it.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.RepoPaths;
import dev.parley.it.e2e.ParleyServeProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/third-party-plugin built the way an outsider builds a plugin, then served: the BOM, the SPI and the TCK
 * are installed into the local Maven repository ({@code mvn install} of exactly those, with the parent POM they
 * name), a copy of the sample is packaged with its own {@code mvn package} (which runs its TCK suite), the zip is
 * dropped into a plugins directory next to the bundled ones, the sample's flite.yaml names its provider {@code flite},
 * and the official {@code openai} client (samples/node-client) holds a spoken turn whose answer flite speaks.
 */
class ThirdPartyPluginE2EIT {
    /** What README's "Writing a plugin" step 1 tells a plugin author to run (WritingAPluginReadmeTest checks it). */
    static final List<String> INSTALL = List.of("install", "-pl", ".,parley-bom,framework-api,parley-tck",
            "-DskipTests");
    /** The zip the sample's {@code mvn package} writes, as README names it. */
    static final String ZIP = "target/tts-flite-1.0.0.zip";

    @Test
    void outsideBuiltPluginServesASpokenTurn() throws Exception {
        Path root = RepoPaths.root();
        Path work = Files.createDirectories(root.resolve("integration-tests/target/third-party-plugin"));
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));

        maven(root, env, INSTALL.toArray(String[]::new));

        Path sample = copySample(root.resolve("samples/third-party-plugin"), work.resolve("sample"));
        maven(sample, env, "package");
        Path zip = sample.resolve(ZIP);
        assertTrue(Files.isRegularFile(zip), "the sample's build made no plugin zip at " + zip);
        Path tckReport = sample.resolve("target/surefire-reports/org.example.parley.flite.FliteTtsTckTest.txt");
        assertTrue(Files.readString(tckReport)
                .contains("Failures: 0, Errors: 0, Skipped: 0"), "the sample's TCK suite ran and passed");

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> old = Files.list(plugins)) {
            for (Path p : old.toList()) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> bundled = Files.list(RepoPaths.plugins())) {
            for (Path p : bundled.filter(p -> p.toString().endsWith(".zip")).toList()) {
                Files.copy(p, plugins.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(zip, plugins.resolve(zip.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path pipeline = sample.resolve("flite.yaml");
        try (ParleyServeProcess server = ParleyServeProcess.start("--tls-self-signed", "--pipeline",
                pipeline.toString(), "--plugins-dir", plugins.toString())) {
            assertTrue(server.recentOutput().contains("tts=flite"),
                    "serve names the flite stage: " + server.recentOutput());
            Path ca = SampleRuns.certificateCopy(server, work);
            Path answer = work.resolve("answer.wav");
            Commands.Result r = SampleRuns.nodeSpokenTurn(server, ca, SpokenAnswer.question("weather-slt.wav"), answer);
            JsonNode summary = SpokenAnswer.summary(r);
            SpokenAnswer.assertTurn("third-party flite plugin", summary, answer, "weather");
        }
    }

    /** The sample's sources only (no target/), as a fresh clone of it has them. */
    private static Path copySample(Path from, Path to) throws Exception {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /**
     * {@code mvn -B -q ARGS} in {@code dir}: offline first (everything is normally in the local repository after
     * the outer build), then once more online for a plugin the outer build never needed (maven-install-plugin).
     */
    private static void maven(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> offline = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
        offline.addAll(List.of(args));
        Commands.Result r = Commands.attempt(dir, env, 600, offline);
        if (r.exit() == 0) {
            return;
        }
        List<String> online = new ArrayList<>(List.of("mvn", "-B", "-q"));
        online.addAll(List.of(args));
        Commands.run(dir, env, 600, online);
    }
}
