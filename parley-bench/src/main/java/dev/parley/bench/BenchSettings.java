package dev.parley.bench;

import java.util.List;

/**
 * What {@code parley bench} runs.
 *
 * @param pipeline      pipeline for the latency sections (name or file; default "default")
 * @param capacityPipeline pipeline of zero-cost components for the capacity section (default "bench")
 * @param turns         spoken turns for time to first audio (≥ 20 for the report)
 * @param repeats       repetitions of the turn-based/streaming comparison
 * @param bargeInTrials barge-in trials per onset
 * @param sessions      concurrent-session steps with the zero-cost components
 * @param realSessions  concurrent-session steps with the real pipeline
 * @param idleSessions  sessions opened for the idle-heap measurement
 * @param stepSeconds   measured seconds per capacity step (after one warm-up cycle)
 * @param budgetSeconds wall-clock bound of each capacity run (steps stop when it is spent)
 * @param silenceMs     server VAD silence window
 * @param chunkMs       audio per append in the capacity sections (20 = telephony framing, the hardest case)
 * @param sections      sections to run (names in {@link Bench#SECTIONS}); empty = all
 * @param variants      configurations for section {@code ttfa-ab} ({@code label=pipeline[;property=value]})
 */
public record BenchSettings(String pipeline, String capacityPipeline, int turns, int repeats, int bargeInTrials,
                     List<Integer> sessions, List<Integer> realSessions, int idleSessions, int stepSeconds, int budgetSeconds,
                     int silenceMs, int chunkMs, List<String> sections, List<String> variants) {
    /**
     * A short run for tests (BenchQuickTest): every table once, with the fewest turns that fill it. One measured
     * turn per latency section (after one warm-up turn) and one barge-in trial per onset: with 3 turns and 2 trials
     * the run spoke 30 turns and 10 barge-ins and took ~250 s of CI; now 10 turns and 5 barge-ins.
     */
    public static BenchSettings quick(String pipeline, String capacityPipeline, List<String> sections) {
        return new BenchSettings(pipeline, capacityPipeline, 1, 1, 1, List.of(5, 10), List.of(1, 2), 20, 3, 60, 200,
                20, sections, List.of());
    }

    /** Barge-in trials per onset for a full run: twice the repeats, at least 2 (a p90 of one trial says nothing). */
    static int bargeInTrials(int repeats) {
        return Math.max(2, repeats * 2);
    }
}
