package dev.parley.bench;

import dev.parley.testkit.WordErrorRate;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A recording next to its replay: turn by turn what was heard (with the word error rate of the replay against the
 * recording), the turn boundaries, the replies, time to first audio and the stage times, and barge-ins. What
 * differs beyond timing noise is listed by {@link #differences()}; times are shown, never counted as differences.
 * The replay's ids are read as the recording's ({@link ReplayIds}), so a turn, reply or client edit that is the
 * same thing in both compares equal.
 *
 * @param label which pipeline/variant the replay ran on
 */
public record ReplayComparison(String session, String label, SessionSummary recorded, SessionSummary replayed) {
    /** Word errors of the replay's transcripts against the recording's, per recorded word, in percent. */
    public double werPercent() {
        int errors = 0;
        int words = 0;
        int n = Math.max(recorded.turns().size(), replayed.turns().size());
        for (int i = 0; i < n; i++) {
            List<String> ref = WordErrorRate.words(transcript(recorded, i));
            errors += WordErrorRate.errors(ref, WordErrorRate.words(transcript(replayed, i)));
            words += ref.size();
        }
        return words == 0 ? (errors == 0 ? 0 : 100) : 100.0 * errors / words;
    }

    /** Every difference in turns, transcripts, boundaries, replies and barge-ins; empty when they agree. */
    public List<String> differences() {
        List<String> d = new ArrayList<>();
        if (recorded.turns().size() != replayed.turns().size()) {
            d.add("user turns: " + recorded.turns().size() + " recorded, " + replayed.turns().size() + " replayed");
        }
        for (int i = 0; i < Math.min(recorded.turns().size(), replayed.turns().size()); i++) {
            SessionSummary.Turn a = recorded.turns().get(i);
            SessionSummary.Turn b = replayed.turns().get(i);
            if (!a.transcript().equals(b.transcript())) {
                d.add("turn " + (i + 1) + " heard: \"" + a.transcript() + "\" vs \"" + b.transcript() + "\"");
            }
            if (!a.itemId().equals(b.itemId())) {
                d.add("turn " + (i + 1) + " is the recording's item " + a.itemId() + " but the replay's " + b.itemId());
            }
            if (a.startMs() != b.startMs() || a.endMs() != b.endMs()) {
                d.add("turn " + (i + 1) + " boundaries: " + span(a) + " vs " + span(b) + " ms");
            }
        }
        if (recorded.replies().size() != replayed.replies().size()) {
            d.add("replies: " + recorded.replies().size() + " recorded, " + replayed.replies().size() + " replayed");
        }
        for (int i = 0; i < Math.min(recorded.replies().size(), replayed.replies().size()); i++) {
            SessionSummary.Reply a = recorded.replies().get(i);
            SessionSummary.Reply b = replayed.replies().get(i);
            if (!a.text().equals(b.text()) || !a.status().equals(b.status())) {
                d.add("reply " + (i + 1) + ": \"" + a.text() + "\" (" + a.status() + ") vs \"" + b.text() + "\" ("
                        + b.status() + ")");
            }
        }
        if (!recorded.applied().equals(replayed.applied())) {
            d.add("client edits applied: " + recorded.applied() + " recorded, " + replayed.applied() + " replayed");
        }
        if (recorded.bargeIns() != replayed.bargeIns()) {
            d.add("barge-ins: " + recorded.bargeIns() + " recorded, " + replayed.bargeIns() + " replayed");
        }
        return d;
    }

    /** The side-by-side tables and the list of differences. */
    public void print(PrintWriter out) {
        String r = "recorded";
        String p = "replay: " + label;
        TextTable turns = new TextTable("Session " + session + ": user turns", "#", r + " heard", p + " heard",
                "WER %", r + " speech ms", p + " speech ms");
        int n = Math.max(recorded.turns().size(), replayed.turns().size());
        for (int i = 0; i < n; i++) {
            String a = transcript(recorded, i);
            String b = transcript(replayed, i);
            int ref = WordErrorRate.words(a).size();
            int e = WordErrorRate.errors(WordErrorRate.words(a), WordErrorRate.words(b));
            turns.row(i + 1, a, b, ref == 0 ? (e == 0 ? "0" : "-") : fmt(100.0 * e / ref), span(recorded, i),
                    span(replayed, i));
        }
        turns.print(out);
        TextTable replies = new TextTable("Session " + session + ": agent replies", "#", r + " reply", p + " reply",
                r + " status", p + " status", r + " TTFA ms", p + " TTFA ms");
        for (int i = 0; i < Math.max(recorded.replies().size(), replayed.replies().size()); i++) {
            SessionSummary.Reply a = i < recorded.replies().size() ? recorded.replies().get(i) : null;
            SessionSummary.Reply b = i < replayed.replies().size() ? replayed.replies().get(i) : null;
            replies.row(i + 1, a == null ? "-" : shorten(a.text()), b == null ? "-" : shorten(b.text()), status(a),
                    status(b),
                    a == null || a.ttfaMs() == null ? "-" : fmt(a.ttfaMs()),
                    b == null || b.ttfaMs() == null ? "-" : fmt(b.ttfaMs()));
        }
        replies.print(out);
        TextTable stages = new TextTable("Session " + session + ": stage times, mean over replies (ms after the "
                + "first mark)", "stage", r, p);
        TreeSet<String> names = new TreeSet<>();
        recorded.replies().forEach(x -> names.addAll(x.stagesMs().keySet()));
        replayed.replies().forEach(x -> names.addAll(x.stagesMs().keySet()));
        for (String s : names) {
            stages.row(s, mean(recorded, s), mean(replayed, s));
        }
        stages.row("barge-ins", recorded.bargeIns(), replayed.bargeIns());
        stages.row("client edits applied", recorded.applied().size(), replayed.applied().size());
        stages.row("errors", String.join(",", recorded.errors()), String.join(",", replayed.errors()));
        stages.print(out);
        List<String> diff = differences();
        out.println(diff.isEmpty() ? "No differences in turns, transcripts, replies or barge-ins (WER 0 %)."
                : "Differences (" + diff.size() + "), WER " + fmt(werPercent()) + " %:");
        diff.forEach(x -> out.println("  - " + x));
        out.flush();
    }

    /** Long replies are cut in the table (the differences list quotes them whole). */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    private static String transcript(SessionSummary s, int i) {
        return i < s.turns().size() ? s.turns().get(i).transcript() : "";
    }

    private static String span(SessionSummary s, int i) {
        return i < s.turns().size() ? span(s.turns().get(i)) : "-";
    }

    private static String span(SessionSummary.Turn t) {
        return t.startMs() + "–" + t.endMs();
    }

    private static String status(SessionSummary.Reply r) {
        return r == null ? "-" : r.status() + (r.reason() == null ? "" : " (" + r.reason() + ")");
    }

    private static String mean(SessionSummary s, String stage) {
        double sum = 0;
        int n = 0;
        for (SessionSummary.Reply r : s.replies()) {
            Double v = r.stagesMs().get(stage);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? "-" : fmt(sum / n);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
