package dev.parley.runtime.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders variant summaries as a fixed-width text table, one row per variant:
 * <pre>
 * pipeline  variant  sessions  turns  ttfa p50 ms  ttfa p90 ms  barge-ins  barge-in rate  errors
 * ab-test   A              12     40        412.0        655.0          3          7.5 %       0
 * </pre>
 * Numbers are right-aligned; "-" marks a figure that does not exist yet (no turns, nothing timed).
 */
public final class ExperimentReportTable {
    private static final String[] HEADER = {"pipeline", "variant", "sessions", "turns", "ttfa p50 ms",
        "ttfa p90 ms", "barge-ins", "barge-in rate", "errors"};

    private ExperimentReportTable() {
    }

    public static String format(List<VariantSummary> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (VariantSummary s : rows) {
            cells.add(new String[] {s.pipeline(), s.variant(), Long.toString(s.sessions()), Long.toString(s.turns()),
                millis(s.ttfaP50Ms()), millis(s.ttfaP90Ms()), Long.toString(s.bargeIns()),
                percent(s.bargeInRate()), Long.toString(s.errors())});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean text = i < 2; // pipeline and variant read left to right; figures line up on the right
                String cell = text ? pad(row[i], width[i], false) : pad(row[i], width[i], true);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
