package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * MaryTTS' warnings end with a newline. The real MaryTTS is started (it reads {@code log.config}); then its log4j
 * is configured from that resource exactly as {@code marytts.server.Mary} does (load, then
 * {@code PropertyConfigurator.configure}) with stderr captured, and two warnings must be two lines. With MaryTTS'
 * bundled file the same check prints both on one line (its {@code %m\n} loses the newline in the 1.x bridge).
 */
class MaryLogLinesTest {
    @Test
    void maryWarningsAreOneLineEach() throws Exception {
        MaryRuntime.get();
        assertEquals(MaryRuntime.LOG_CONFIG, System.getProperty(MaryRuntime.LOG_CONFIG_PROPERTY));
        assertEquals(List.of("WARN  main - first", "WARN  main - second"), linesLoggedWith(
                MaryRuntime.LOG_CONFIG.substring("jar:".length())));
        List<String> bundled = linesLoggedWith("/marytts/util/log4j.properties");
        assertEquals(1, bundled.size(), "MaryTTS' own file runs the lines together: " + bundled);
    }

    /** The lines two warnings to {@code marytts.main} print on stderr under the log4j properties at {@code path}. */
    private static List<String> linesLoggedWith(String path) throws Exception {
        Properties props = new Properties();
        try (InputStream in = marytts.server.MaryProperties.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            props.load(in);
        }
        props.setProperty("log4j.logger.marytts", "WARN, stderr");
        props.setProperty("log4j.appender.stderr.Follow", "true"); // write to System.err as set now (captured)
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            org.apache.log4j.PropertyConfigurator.configure(props);
            org.apache.log4j.Logger.getLogger("marytts.main").warn("first");
            org.apache.log4j.Logger.getLogger("marytts.main").warn("second");
        } finally {
            System.setErr(err);
            org.apache.log4j.PropertyConfigurator.configure(props); // back onto the real stderr
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        return out.lines().map(l -> l.replaceFirst("^\\S*\\d\\d:\\d\\d:\\d\\d\\S*\\s+(\\[\\S+\\]\\s+)?", "")
                .replaceFirst("marytts\\.main\\s", "main - ").replaceFirst("- - ", "- ").strip()).toList();
    }
}
