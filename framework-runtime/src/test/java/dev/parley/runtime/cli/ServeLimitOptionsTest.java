package dev.parley.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.server.ServerLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code serve}'s limit flags: bad values exit 2 with one line before anything loads; documented defaults. */
class ServeLimitOptionsTest {
    @Test
    void negativeLimitsExitTwoBeforeLoadingAnything() {
        for (String[] bad : new String[][] {{"--max-sessions", "-1"}, {"--drain-seconds", "-5"},
                {"--ephemeral-key-uses", "0"}, {"--slow-reader-seconds", "0"}, {"--handshake-timeout-seconds", "0"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "serve", bad[0], bad[1],
                    "--plugins-dir", "/nonexistent-plugins-dir");
            assertEquals(ExitCodes.CONFIG, code, bad[0] + " " + err);
            assertTrue(err.toString().contains("limits:"), err.toString());
        }
    }

    @Test
    void badSessionCapsAndLlmWaitsExitTwoBeforeLoadingAnything() {
        for (String[] bad : new String[][] {{"--max-session-minutes", "-1"}, {"--max-instructions-chars", "0"},
                {"--max-tools", "-1"}, {"--max-tool-bytes", "0"}, {"--max-item-chars", "0"},
                {"--max-conversation-items", "1"},
                {"--llm-first-token-timeout-ms", "0"}, {"--llm-stall-timeout-ms", "-3"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "serve", bad[0], bad[1],
                    "--plugins-dir", "/nonexistent-plugins-dir");
            assertEquals(ExitCodes.CONFIG, code, bad[0] + " " + err);
            assertTrue(err.toString().contains(bad[0]), err.toString());
        }
    }

    @Test
    void theDefaultSessionCapIsOnePerCore() {
        assertEquals(2, ServerLimits.defaultMaxSessions(2));
        assertEquals(1, ServerLimits.defaultMaxSessions(1));
        assertEquals(8, ServerLimits.defaultMaxSessions(8));
        assertEquals(1, ServerLimits.defaultMaxSessions(0), "a core count below one still admits a session");
        assertEquals(0, ServerLimits.defaults().maxSessions(), "embedded servers are not capped");
    }

    @Test
    void withoutTheOptionTheCapComesFromTheCoreCount() {
        ConnectionLimitOptions options = new ConnectionLimitOptions();
        assertEquals(ServerLimits.defaultMaxSessions(Runtime.getRuntime().availableProcessors()),
                options.effectiveMaxSessions());
        assertEquals(options.effectiveMaxSessions(), options.serverLimits().maxSessions());
        options.maxSessions = 12;
        assertEquals(12, options.serverLimits().maxSessions(), "an explicit --max-sessions wins");
        options.maxSessions = 0;
        assertEquals(0, options.serverLimits().maxSessions(), "0 = no limit");
    }
}
