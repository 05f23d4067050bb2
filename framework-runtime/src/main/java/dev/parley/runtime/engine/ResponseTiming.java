package dev.parley.runtime.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage clock of one response: the first time each stage was reached, in {@link System#nanoTime()}.
 * Written from the actor and from component threads, hence synchronized. Reported to the client as
 * {@code parley.response.timing}, logged, and read by the benchmark.
 */
public final class ResponseTiming {
    /** Stages in pipeline order. */
    public enum Stage {
        /** The user's speech stopped (last voiced frame), when known. */
        SPEECH_END,
        /** The turn detector (VAD silence or semantic) decided the turn was over. */
        TURN_DECIDED,
        /** The final transcript of the user's utterance arrived. */
        STT_FINAL,
        /** The request was handed to the LLM. */
        LLM_REQUEST,
        /** The LLM's first text or tool-call token arrived. */
        LLM_FIRST_TOKEN,
        /** The first clause was handed to TTS. */
        FIRST_CLAUSE,
        /** TTS produced its first audio. */
        TTS_FIRST_AUDIO,
        /** The first audio (or text) delta was handed to the transport. */
        FIRST_DELTA_SENT,
        /** {@code response.done} was sent. */
        DONE
    }

    private final EnumMap<Stage, Long> marks = new EnumMap<>(Stage.class);
    /** Each spoken clause's synthesis, in order (traces show one span per clause); a few per response. */
    private final List<Clause> clauses = new ArrayList<>(4);

    /**
     * One clause's synthesis: handed to TTS, its first audio, its end (0 while not reached).
     *
     * @param chars the clause's length in characters
     */
    public record Clause(int index, int chars, long startedNanos, long firstAudioNanos, long doneNanos) {
    }

    /** Clause {@code index} was handed to TTS now. */
    public synchronized void clauseStarted(int index, int chars, long nanoTime) {
        clauses.add(new Clause(index, chars, nanoTime, 0, 0));
    }

    /** Clause {@code index} produced audio (only the first call counts). */
    public synchronized void clauseAudio(int index, long nanoTime) {
        update(index, c -> c.firstAudioNanos() == 0
                ? new Clause(c.index(), c.chars(), c.startedNanos(), nanoTime, 0) : c);
    }

    /** Clause {@code index}'s synthesis ended (done, failed or cancelled). */
    public synchronized void clauseDone(int index, long nanoTime) {
        update(index, c -> c.doneNanos() == 0
                ? new Clause(c.index(), c.chars(), c.startedNanos(), c.firstAudioNanos(), nanoTime) : c);
    }

    private void update(int index, java.util.function.UnaryOperator<Clause> change) {
        for (int i = clauses.size() - 1; i >= 0; i--) {
            if (clauses.get(i).index() == index) {
                clauses.set(i, change.apply(clauses.get(i)));
                return;
            }
        }
    }

    /** The clauses handed to TTS so far, in order. */
    public synchronized List<Clause> clauses() {
        return List.copyOf(clauses);
    }

    /** Records {@code stage} now, unless it was recorded before. */
    public synchronized void mark(Stage stage) {
        marks.putIfAbsent(stage, System.nanoTime());
    }

    /** Records {@code stage} at a given instant, unless it was recorded before. */
    public synchronized void mark(Stage stage, long nanoTime) {
        marks.putIfAbsent(stage, nanoTime);
    }

    /** The instant of {@code stage}, or null. */
    public synchronized Long at(Stage stage) {
        return marks.get(stage);
    }

    /** Milliseconds from {@code from} to {@code to}, or null if either is missing. */
    public synchronized Double millisBetween(Stage from, Stage to) {
        Long a = marks.get(from);
        Long b = marks.get(to);
        return a == null || b == null ? null : (b - a) / 1e6;
    }

    /** Every recorded stage as milliseconds after the earliest mark, in stage order. */
    public synchronized Map<String, Double> relativeMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        Long origin = marks.values().stream().min(Long::compare).orElse(null);
        for (Map.Entry<Stage, Long> e : marks.entrySet()) {
            out.put(e.getKey().name().toLowerCase(), (e.getValue() - origin) / 1e6);
        }
        return out;
    }
}
