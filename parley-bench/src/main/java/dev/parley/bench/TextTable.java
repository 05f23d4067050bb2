package dev.parley.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A Markdown-compatible table (pipes, columns padded to their widest cell) printed under a title. */
final class TextTable {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    int size() {
        return rows.size() - 1;
    }

    void print(PrintWriter out) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        out.println();
        out.println("### " + title);
        out.println();
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[columns];
                for (int i = 0; i < columns; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
        out.flush();
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String c = cell(row, i);
            b.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        return b.toString();
    }

    private static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i] : "";
    }
}
