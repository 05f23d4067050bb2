package dev.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.cli.ParleyCli;
import dev.parley.runtime.plugins.PluginsDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The CI soak: {@code parley soak} for 1 minute with 4 sessions on the zero-cost pipeline from its plugin zip —
 * one each talking in turns, barging in, sending bad input every 5 s and pausing its reading for 8 s every 30 s —
 * over real WebSockets in real time. Nothing may be lost: every response gets its {@code response.done}, every
 * commit its transcript, every error answers a bad input, and the server closes no connection. One minute still
 * holds every fault (~12 bad inputs, 1-2 reading pauses, the first within 30 s, ~6 turns of the talker); the
 * 2-minute run cost CI ~121 s for the same checks.
 * {@code -Dparley.soak.sessions=N -Dparley.soak.minutes=M} runs a longer soak the same way (as {@code ./parley soak}).
 */
class SoakQuickTest {
    @Test
    void oneMinuteSoakLosesNothing() {
        String previous = System.getProperty(PluginsDirectory.HOME_PROPERTY);
        System.setProperty(PluginsDirectory.HOME_PROPERTY, RepoPaths.root().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "soak",
                    "--sessions", System.getProperty("parley.soak.sessions", "4"),
                    "--minutes", System.getProperty("parley.soak.minutes", "1"),
                    "--sample-seconds", System.getProperty("parley.soak.sampleSeconds", "20"),
                    "--plugins-dir", RepoPaths.plugins().toString());
        } finally {
            if (previous == null) {
                System.clearProperty(PluginsDirectory.HOME_PROPERTY);
            } else {
                System.setProperty(PluginsDirectory.HOME_PROPERTY, previous);
            }
        }
        String report = out.toString();
        System.out.println(report);
        assertEquals(0, code, "soak failed: " + report + err);
        assertTrue(report.contains("soak: clean"), report);
        assertTrue(report.matches("(?s).*responses [1-9]\\d* \\(.*"), "responses were answered: " + report);
    }
}
