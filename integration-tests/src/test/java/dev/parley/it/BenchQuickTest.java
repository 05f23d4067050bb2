package dev.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.cli.ParleyCli;
import dev.parley.runtime.plugins.PluginsDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code parley bench --quick} end to end: real servers (default pipeline from the plugin zips, and the zero-cost
 * benchmark pipeline), real WebSocket clients, recorded speech at real-time pace. Asserts only that every table
 * is printed with sane numbers — never how fast anything was (2 shared cores).
 */
class BenchQuickTest {
    @Test
    void quickBenchPrintsEveryTableWithSaneNumbers() {
        String previous = System.getProperty(PluginsDirectory.HOME_PROPERTY);
        System.setProperty(PluginsDirectory.HOME_PROPERTY, RepoPaths.root().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--quick",
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
        assertEquals(0, code, "bench failed: " + report + err);
        assertFalse(report.contains("SECTION FAILED"), report);

        double ttfa = firstNumber(report, "TTFA: last speech chunk sent");
        assertTrue(ttfa > 0 && ttfa < 10_000, "TTFA p50 " + ttfa);
        double overhead = firstNumber(report, "framework overhead (server part");
        assertTrue(overhead >= 0 && overhead < ttfa, "overhead p50 " + overhead);
        String ratio = row(report, "ratio streaming / turn-based").get(1);
        double r = Double.parseDouble(ratio);
        assertTrue(r > 0 && r < 2, "ratio " + ratio);
        double bargeIn = firstNumber(report, "first speech sample sent -> last audio delta");
        assertTrue(bargeIn >= 0 && bargeIn < 10_000, "barge-in " + bargeIn);
        double grpcTtfa = firstNumber(report, "TTFA over grpc");
        assertTrue(grpcTtfa > 0 && grpcTtfa < 10_000, "gRPC TTFA p50 " + grpcTtfa);
        assertTrue(report.contains("Time to first audio with N speakers at once"), report);
        assertTrue(report.contains("Capacity by time to first audio"), report);
        assertTrue(report.contains("Capacity, pipeline 'bench'"), report);
        assertTrue(report.contains("Capacity, pipeline 'default'"), report);
        List<String> first = row(report, "5");
        assertTrue(Double.parseDouble(first.get(2)) > 0, "event lag p99 of 5 bench sessions: " + first);
        double perSession = Double.parseDouble(row(report, "20").get(3));
        assertTrue(perSession > 0 && perSession < 100_000, "KB per idle session " + perSession);
    }

    /** The cells of the first table row whose first cell starts with {@code label}. */
    static List<String> row(String report, String label) {
        for (String line : report.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = new ArrayList<>(Arrays.stream(line.split("\\|")).map(String::trim).toList());
            cells.removeIf(String::isEmpty);
            if (!cells.isEmpty() && cells.get(0).startsWith(label)) {
                return cells;
            }
        }
        throw new AssertionError("no row '" + label + "' in:\n" + report);
    }

    static double firstNumber(String report, String label) {
        List<String> cells = row(report, label);
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(cells.get(1));
        assertTrue(m.find(), "no number in " + cells);
        return Double.parseDouble(m.group());
    }
}
