package dev.parley.it.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the commands a sample's user runs (mvn, node, python3, pocketsphinx), bounded in time. */
final class Commands {
    /** What a finished command printed. */
    record Result(int exit, String stdout, String stderr) {
        String lastLine() {
            String[] lines = stdout.trim().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code dir}; fails with its output when it fails or overruns. */
    static Result run(Path dir, Map<String, String> env, int timeoutSeconds, List<String> command) throws Exception {
        Result r = attempt(dir, env, timeoutSeconds, command);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " (in " + dir + ") failed, exit " + r.exit()
                    + "\nstdout:\n" + tail(r.stdout()) + "\nstderr:\n" + tail(r.stderr()));
        }
        return r;
    }

    /** Runs {@code command}; a non-zero exit is returned, not thrown. */
    static Result attempt(Path dir, Map<String, String> env, int timeoutSeconds, List<String> command)
            throws Exception {
        Path out = Files.createTempFile("parley-sample-out", ".txt");
        Path err = Files.createTempFile("parley-sample-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (" + e.getMessage() + "); ./parley prereqs"
                    + " installs what the samples need", e);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s"
                        + "\nstdout:\n" + tail(Files.readString(out)) + "\nstderr:\n" + tail(Files.readString(err)));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "…" + s.substring(s.length() - 6000);
    }
}
