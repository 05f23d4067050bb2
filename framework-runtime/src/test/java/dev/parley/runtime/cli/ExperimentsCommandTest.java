package dev.parley.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.routing.ExperimentJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExperimentsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void reportPrintsATablePerJournal() {
        try (ExperimentJournal j = ExperimentJournal.inDirectory(dir, "voice-test")) {
            j.assigned("sess_1", "ab-test", "A", "weighted");
            j.assigned("sess_2", "ab-test", "B", "forced");
            j.turn("ab-test", "A", 400);
            j.turn("ab-test", "A", 600);
            j.turn("ab-test", "B", 350);
            j.bargeIn("ab-test", "A");
            j.error("ab-test", "B", "tts_timeout");
        }
        assertEquals(0, run("report", "--dir", dir.toString()));
        String text = out.toString();
        System.out.print(text);
        assertTrue(text.startsWith("Experiment voice-test (" + dir.resolve("voice-test.jsonl") + ": 7 events)\n"
                + "pipeline  variant  sessions  turns  ttfa p50 ms  ttfa p90 ms  barge-ins  barge-in rate  errors\n"
                + "ab-test   A               1      2        400.0        600.0          1         50.0 %       0\n"
                + "ab-test   B               1      1        350.0        350.0          0          0.0 %       1\n"
                + "  errors of B: {tts_timeout=1}\n"), text);
    }

    @Test
    void missingFileIsAClearErrorAndEmptyDirSaysWhatToDo() {
        assertEquals(1, run("report", "--file", dir.resolve("nope.jsonl").toString()));
        assertTrue(err.toString().startsWith("No experiment journal at " + dir.resolve("nope.jsonl")), err.toString());
        assertEquals(0, run("report", "--dir", dir.resolve("empty").toString()));
        assertTrue(out.toString().startsWith("No experiment journals in "), out.toString());
    }
}
