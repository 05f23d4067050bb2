package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.tts.VoiceSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prints time to first audio (from hand-over to the first chunk reaching the listener), time to the end of the
 * clause and real-time factor for typical clauses, one at a time and four at once. Target: first audio of a
 * short clause ≤ 30 ms. Asserts only sanity, never timing (two shared cores). Run alone with
 * {@code mvn -pl plugins/tts-marytts -am test -Dtest=MaryTtsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MaryTtsBenchmark {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;
    private static final Map<String, String> CLAUSES = new java.util.LinkedHashMap<>();

    static {
        CLAUSES.put("short first clause", "Sure, here it is.");
        CLAUSES.put("medium sentence", "The train to the city leaves every twenty minutes from platform four.");
        CLAUSES.put("long sentence (" + MaryTtsEngineTest.LONG_SENTENCE.length() + " chars)", MaryTtsEngineTest.LONG_SENTENCE);
    }

    @Test
    void timeToFirstAudioAndRealTimeFactor() throws Exception {
        MaryTtsEngine split = TestEngines.standard();
        MaryTtsEngine unsplit = TestEngines.create(Map.of("max_clause_chars", 2000));
        for (int i = 0; i < WARMUP; i++) { // JIT-warm every path first, so the first row is not penalised
            for (String text : CLAUSES.values()) {
                TestEngines.speak(split, text, VoiceSettings.DEFAULT);
                TestEngines.speak(unsplit, text, VoiceSettings.DEFAULT);
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("%nMaryTTS %s, %d Hz, %d runs each after %d warm-up rounds, median [min–max] in ms%n",
                VoiceCatalog.SLT, split.sampleRate(), RUNS, WARMUP));
        table.append(String.format("%-36s %-22s %-22s %8s %6s%n", "clause", "first audio", "clause done", "audio ms", "RTF"));
        for (var e : CLAUSES.entrySet()) {
            table.append(row(e.getKey(), split, e.getValue()));
        }
        table.append(row("long sentence, unsplit", unsplit, MaryTtsEngineTest.LONG_SENTENCE));
        table.append(concurrentRow(split));
        table.append("target: first audio of a short clause <= 30 ms after hand-over\n");
        System.out.println(table);
    }

    private static String row(String name, MaryTtsEngine engine, String text) throws Exception {
        double[] first = new double[RUNS];
        double[] done = new double[RUNS];
        double audioMs = 0;
        for (int i = -1; i < RUNS; i++) {
            long t0 = System.nanoTime();
            CollectingListener l = TestEngines.speak(engine, text, VoiceSettings.DEFAULT);
            assertNull(l.error);
            assertTrue(l.chunkCount() > 0 && l.firstAudioNanos <= l.doneNanos, "sanity: audio, then done");
            if (i >= 0) {
                first[i] = (l.firstAudioNanos - t0) / 1e6;
                done[i] = (l.doneNanos - t0) / 1e6;
                audioMs = l.samples().length * 1000.0 / engine.sampleRate();
            }
        }
        return String.format("%-36s %-22s %-22s %8.0f %6.3f%n", name, stats(first), stats(done), audioMs,
                median(done) / audioMs);
    }

    /** Four sessions speaking the long sentence at once: how the two cores share out. */
    private static String concurrentRow(MaryTtsEngine engine) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Double> first = new ArrayList<>();
            List<Double> done = new ArrayList<>();
            double audioMs = 0;
            for (int round = 0; round < 2; round++) {
                List<Future<double[]>> fs = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    fs.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        CollectingListener l = TestEngines.speak(engine, MaryTtsEngineTest.LONG_SENTENCE, VoiceSettings.DEFAULT);
                        assertNull(l.error);
                        return new double[] {(l.firstAudioNanos - t0) / 1e6, (l.doneNanos - t0) / 1e6,
                                l.samples().length * 1000.0 / engine.sampleRate()};
                    }));
                }
                for (Future<double[]> f : fs) {
                    double[] r = f.get(120, TimeUnit.SECONDS);
                    first.add(r[0]);
                    done.add(r[1]);
                    audioMs = r[2];
                }
            }
            double[] fa = first.stream().mapToDouble(Double::doubleValue).toArray();
            double[] da = done.stream().mapToDouble(Double::doubleValue).toArray();
            return String.format("%-36s %-22s %-22s %8.0f %6.3f%n", "long sentence x4 concurrent", stats(fa), stats(da),
                    audioMs, median(da) / audioMs);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("%.1f [%.1f–%.1f]", median(s), s[0], s[s.length - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
