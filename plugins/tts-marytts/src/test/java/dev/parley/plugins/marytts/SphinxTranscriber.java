package dev.parley.plugins.marytts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real recogniser for round-trip tests: sox resamples MaryTTS' 48 kHz speech to 16 kHz (band-limited, its
 * default high-quality filter) and Debian's {@code pocketsphinx_continuous} transcribes it with the US English
 * model. Both come from {@code scripts/prereqs.d/marytts-test.sh}.
 */
final class SphinxTranscriber {
    static final Path SPHINX = Path.of("/usr/bin/pocketsphinx_continuous");
    static final Path SOX = Path.of("/usr/bin/sox");
    static final Path MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    private SphinxTranscriber() {
    }

    /** Fails with what to run when a tool is missing (never skips). */
    static void requireTools() {
        for (Path p : List.of(SPHINX, SOX, MODEL.resolve("en-us.lm.bin"))) {
            if (!Files.exists(p)) {
                throw new AssertionError(p + " is missing: run ./parley test (or scripts/prereqs.d/marytts-test.sh), "
                        + "which installs pocketsphinx, pocketsphinx-en-us and sox");
            }
        }
    }

    /** Resamples {@code wav48k} next to itself and returns pocketsphinx' transcript, lower case. */
    static String transcribe(Path wav48k) throws IOException, InterruptedException {
        Path wav16k = wav48k.resolveSibling(wav48k.getFileName().toString().replace(".wav", "-16k.wav"));
        run(List.of(SOX.toString(), wav48k.toString(), "-r", "16000", "-c", "1", "-b", "16", wav16k.toString()));
        return run(List.of(SPHINX.toString(), "-infile", wav16k.toString(),
                "-hmm", MODEL.resolve("en-us").toString(),
                "-lm", MODEL.resolve("en-us.lm.bin").toString(),
                "-dict", MODEL.resolve("cmudict-en-us.dict").toString(),
                "-logfn", "/dev/null")).replaceAll("\\s+", " ").strip().toLowerCase();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + command);
        }
        return out;
    }
}
