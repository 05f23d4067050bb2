package dev.parley.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.it.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one of the client scripts of {@code integration-tests/src/test/node} with Node, bounded in time. The
 * scripts are copied to {@code build/node/e2e/} so that they import the pinned {@code openai} and
 * {@code @openai/agents-realtime} packages that {@code scripts/prereqs.d/node-clients.sh} installs in
 * {@code build/node}. Out: the JSON lines the script printed on stdout.
 */
final class NodeScript {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = RepoPaths.root().resolve("integration-tests/src/test/node");
    private static final Path NODE_DIR = RepoPaths.root().resolve("build/node");
    private static final int TIMEOUT_SECONDS = 150; // above the longest scenario deadline (tool-call-truncate, 120 s)

    private NodeScript() {
    }

    /**
     * Runs one scenario of {@code script} against a served Parley and returns the script's last JSON line; a failure
     * carries the server's recent output, since the cause is usually there.
     */
    static JsonNode scenario(ParleyServeProcess server, String script, Map<String, String> env, String scenario)
            throws Exception {
        try {
            List<JsonNode> lines = run(script, env, scenario);
            return lines.get(lines.size() - 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.recentOutput(), e);
        }
    }

    /** Runs {@code node SCRIPT ARGS…} with {@code env}; fails with its stderr when it fails or times out. */
    static List<JsonNode> run(String script, Map<String, String> env, String... args) throws Exception {
        for (String pkg : List.of("openai", "@openai/agents-realtime", "ws", "zod")) {
            if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve(pkg))) {
                throw new AssertionError("The npm package " + pkg + " is missing from " + NODE_DIR
                        + "/node_modules: run ./parley test (or scripts/prereqs.d/node-clients.sh) first.");
            }
        }
        Path dir = Files.createDirectories(NODE_DIR.resolve("e2e"));
        try (Stream<Path> sources = Files.list(SOURCES)) {
            for (Path s : sources.toList()) {
                Files.copy(s, dir.resolve(s.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("parley-node-out", ".txt");
        Path err = Files.createTempFile("parley-node-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run node (" + e.getMessage() + "): install nodejs and npm, then run"
                    + " ./parley test (or scripts/prereqs.d/node-clients.sh).", e);
        }
        try {
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String stdout = Files.readString(out, StandardCharsets.UTF_8).trim();
            String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
            if (!finished) {
                p.destroyForcibly();
                throw new AssertionError("node " + script + " " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s; stderr: " + stderr + "\nstdout: " + stdout);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("node " + script + " " + String.join(" ", args) + " failed (exit "
                        + p.exitValue() + "): " + stderr + "\nstdout: " + stdout);
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
            if (lines.isEmpty()) {
                throw new AssertionError("node " + script + " printed no JSON line; stderr: " + stderr);
            }
            return lines;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
