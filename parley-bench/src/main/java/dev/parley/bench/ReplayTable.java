package dev.parley.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline A/B table: per replay target, over every recording, the user turns, the word error rate against what
 * the recordings heard, time to first audio p50/p90, barge-ins, errors and how many sessions differ from their
 * recording.
 */
final class ReplayTable {
    private ReplayTable() {
    }

    static void print(PrintWriter out, List<ReplayComparison> all) {
        Map<String, List<ReplayComparison>> byTarget = new LinkedHashMap<>();
        all.forEach(c -> byTarget.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c));
        TextTable t = new TextTable("Offline A/B over " + all.stream().map(ReplayComparison::session).distinct().count()
                + " recorded sessions", "pipeline", "sessions", "turns (recorded)", "turns", "WER % vs recorded",
                "TTFA p50 ms", "TTFA p90 ms", "barge-ins", "errors", "sessions that differ");
        for (Map.Entry<String, List<ReplayComparison>> e : byTarget.entrySet()) {
            List<ReplayComparison> cs = e.getValue();
            List<Double> ttfa = new ArrayList<>();
            int recordedTurns = 0;
            int turns = 0;
            long bargeIns = 0;
            int errors = 0;
            int differ = 0;
            double werSum = 0;
            for (ReplayComparison c : cs) {
                ttfa.addAll(c.replayed().ttfas());
                recordedTurns += c.recorded().turns().size();
                turns += c.replayed().turns().size();
                bargeIns += c.replayed().bargeIns();
                errors += c.replayed().errors().size();
                differ += c.differences().isEmpty() ? 0 : 1;
                werSum += c.werPercent();
            }
            t.row(e.getKey(), cs.size(), recordedTurns, turns, ReplayComparison.fmt(werSum / cs.size()),
                    percentile(ttfa, 50), percentile(ttfa, 90), bargeIns, errors, differ);
        }
        t.print(out);
        out.flush();
    }

    private static String percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return ReplayComparison.fmt(sorted.get(Math.max(0, i)));
    }
}
