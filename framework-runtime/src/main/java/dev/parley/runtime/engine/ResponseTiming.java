package dev.parley.runtime.engine;

import java.util.EnumMap;
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
