package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Ties assistant transcript text to the audio it was spoken in, so {@code conversation.item.truncate} can keep
 * only what the user heard. Each piece of text is recorded with the audio offset at which it arrived; the
 * engine releases a clause's text just as that clause's audio starts, so a piece spans from its offset to the
 * next piece's. A piece cut mid-way keeps the proportional share of its words.
 */
public final class HeardTranscript {
    private record Piece(long startMs, StringBuilder text) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /** Records {@code text} as starting at {@code audioOffsetMs} (merged with a piece of the same offset). */
    public void add(String text, long audioOffsetMs) {
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).startMs() >= audioOffsetMs) {
            pieces.get(pieces.size() - 1).text().append(text);
        } else {
            pieces.add(new Piece(audioOffsetMs, new StringBuilder(text)));
        }
    }

    /** The transcript the user heard if playback stopped at {@code cutMs} of {@code totalMs} audio. */
    public String heardUntil(long cutMs, long totalMs) {
        StringBuilder out = new StringBuilder();
        for (Piece p : heard(cutMs, totalMs)) {
            out.append(p.text());
        }
        return out.toString().stripTrailing();
    }

    /** Drops what was not heard before {@code cutMs}; pieces keep their offsets so a later cut stays accurate. */
    public void truncate(long cutMs, long totalMs) {
        List<Piece> kept = heard(cutMs, totalMs);
        pieces.clear();
        pieces.addAll(kept);
    }

    /**
     * The pieces that started playing before {@code cutMs}: whole when they ended by then, else the one playing at
     * the cut reduced to the share of its words that fits its elapsed time (left out when that is none).
     */
    private List<Piece> heard(long cutMs, long totalMs) {
        List<Piece> heard = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            long end = i + 1 < pieces.size() ? pieces.get(i + 1).startMs() : Math.max(totalMs, p.startMs());
            if (p.startMs() >= cutMs) {
                break;
            }
            if (end <= cutMs) {
                heard.add(p);
            } else {
                String part = leadingWords(p.text().toString(), (double) (cutMs - p.startMs()) / (end - p.startMs()));
                if (!part.isEmpty()) {
                    heard.add(new Piece(p.startMs(), new StringBuilder(part)));
                }
                break;
            }
        }
        return heard;
    }

    private static String leadingWords(String text, double fraction) {
        String[] words = text.trim().split("\\s+");
        int keep = (int) Math.floor(words.length * fraction);
        if (keep <= 0) {
            return "";
        }
        String lead = text.startsWith(" ") ? " " : "";
        return lead + String.join(" ", java.util.Arrays.copyOf(words, keep));
    }
}
