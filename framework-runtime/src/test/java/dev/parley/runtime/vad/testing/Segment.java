package dev.parley.runtime.vad.testing;

/** A stretch of detected speech, in ms from the start of the track. */
public record Segment(int startMs, int endMs) {
    @Override
    public String toString() {
        return "[" + startMs + "–" + endMs + " ms]";
    }
}
