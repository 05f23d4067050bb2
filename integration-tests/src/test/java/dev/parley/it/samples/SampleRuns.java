package dev.parley.it.samples;

import dev.parley.it.RepoPaths;
import dev.parley.it.e2e.ParleyServeProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Runs the client samples as their READMEs say, against a served Parley. */
final class SampleRuns {
    private static final Path NODE_DIR = RepoPaths.root().resolve("build/node");

    private SampleRuns() {
    }

    /**
     * A copy of the server's self-signed certificate, taken at start: the server's own file lives in the shared
     * /tmp, where other test runs on this machine may clean it away while the server still runs.
     */
    static Path certificateCopy(ParleyServeProcess server, Path dir) throws Exception {
        return Files.copy(server.certificate(), dir.resolve("parley-ca.pem"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * {@code node spoken-turn.mjs QUESTION ANSWER} against a wss server. The script is copied into
     * {@code build/node/samples/} so that it imports the pinned {@code openai} package that
     * {@code scripts/prereqs.d/node-clients.sh} installs in {@code build/node} (the sample's own package.json
     * names the same packages for users who run it in place after {@code npm install}).
     */
    static Commands.Result nodeSpokenTurn(ParleyServeProcess server, Path ca, Path question, Path answer)
            throws Exception {
        for (String pkg : List.of("openai", "ws")) {
            if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve(pkg))) {
                throw new AssertionError("npm package " + pkg + " missing from " + NODE_DIR
                        + "/node_modules: run ./parley prereqs (scripts/prereqs.d/node-clients.sh)");
            }
        }
        Path dir = Files.createDirectories(NODE_DIR.resolve("samples"));
        Files.copy(RepoPaths.root().resolve("samples/node-client/spoken-turn.mjs"), dir.resolve("spoken-turn.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = Map.of("PARLEY_URL", "https://127.0.0.1:" + server.port() + "/v1",
                "PARLEY_CA", ca.toString());
        return run(server, dir, env, List.of("node", "spoken-turn.mjs", question.toString(), answer.toString()));
    }

    /** {@code python3 spoken_turn.py QUESTION ANSWER} with Debian's python3 (its python3-websockets). */
    static Commands.Result pythonSpokenTurn(ParleyServeProcess server, Path ca, Path question, Path answer)
            throws Exception {
        Path script = RepoPaths.root().resolve("samples/python-client/spoken_turn.py");
        Map<String, String> env = Map.of("PARLEY_URL", server.url(), "PARLEY_CA", ca.toString());
        return run(server, script.getParent(), env, List.of("/usr/bin/python3", script.toString(),
                question.toString(), answer.toString()));
    }

    private static Commands.Result run(ParleyServeProcess server, Path dir, Map<String, String> env,
                                       List<String> command) throws Exception {
        try {
            Commands.Result r = Commands.run(dir, env, 120, command);
            System.out.println(r.stdout());
            return r;
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.recentOutput(), e);
        }
    }
}
