package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.Locale;
import java.util.Map;

/**
 * Section {@code cpu}: CPU time per spoken turn, split by stage ({@link CpuProfile}), on one session speaking the
 * TTFA fixtures one after another (3 warm-up turns not counted). A turn is the question streamed at real-time pace
 * plus the whole spoken answer. From it, the capacity bound: the server's CPU seconds per second of user speech,
 * and the machine's cores divided by that — how many users could talk at once before CPU runs out, ignoring
 * bursts (the {@code speakers} section measures those).
 */
final class CpuBench {
    private CpuBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        BenchSettings s = ctx.settings();
        int turns = Math.max(1, s.turns());
        CpuProfile profile;
        double speechSeconds = 0;
        long wallStart;
        long wallNanos;
        TtfaTurns r;
        try (BenchServer srv = BenchServer.start(pipeline);
             RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true)) {
            r = new TtfaTurns(ctx, c);
            for (int i = -Math.min(TtfaBench.WARM_UP_TURNS, turns); i < 0; i++) {
                r.speak(fixture(i), false, "cpu warm-up turn " + (i + 1));
            }
            wallStart = System.nanoTime();
            profile = CpuProfile.start();
            try {
                for (int i = 0; i < turns; i++) {
                    r.speak(fixture(i), true, "cpu turn " + (i + 1));
                    speechSeconds += ctx.speech(fixture(i)).length / (double) AudioTrack.RATE;
                }
            } finally {
                profile.close();
                wallNanos = System.nanoTime() - wallStart;
            }
        }
        print(ctx, pipeline, profile, r, turns, speechSeconds, wallNanos / 1e9);
    }

    private static String fixture(int i) {
        return TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
    }

    private static void print(BenchContext ctx, Pipeline pipeline, CpuProfile profile, TtfaTurns r, int turns,
            double speechSeconds, double wallSeconds) {
        int failed = r.failed;
        Map<CpuProfile.Stage, Long> nanos = profile.nanos();
        long process = profile.processNanos();
        long server = process - nanos.get(CpuProfile.Stage.BENCH);
        TextTable t = new TextTable(String.format(Locale.ROOT, "CPU per spoken turn by stage, pipeline '%s' (%d turns"
                + " after %d warm-up, %d failed; %.1f s of user speech in %.1f s wall; ThreadMXBean per-thread CPU,"
                + " sampled every %d ms)", pipeline.name(), turns, Math.min(TtfaBench.WARM_UP_TURNS, turns), failed,
                speechSeconds, wallSeconds, CpuProfile.TICK_MS),
                "stage", "CPU ms per turn", "% of server CPU", "CPU s per s of speech");
        for (CpuProfile.Stage stage : CpuProfile.Stage.values()) {
            long n = nanos.get(stage);
            if (n == 0 && (stage == CpuProfile.Stage.OTHER || stage == CpuProfile.Stage.TTS_OWN_THREADS)) {
                continue;
            }
            t.row(stage.label, ms(n / 1e6 / turns),
                    stage == CpuProfile.Stage.BENCH ? "-" : pct(n, server), ratio(n / 1e9 / speechSeconds));
        }
        t.row("server total (process - bench)", ms(server / 1e6 / turns), "100", ratio(server / 1e9 / speechSeconds));
        t.print(ctx.out());
        profile.otherThreads().forEach((name, n) -> ctx.out().printf(Locale.ROOT,
                "- thread %s: %.1f ms per turn%n", name, n / 1e6 / turns));
        long[] jvm = profile.gcCountGcMillisJitMillis();
        ctx.out().printf(Locale.ROOT, "- JVM row split (MXBean elapsed times, not CPU): %d GC collections, %.1f ms"
                + " GC time per turn; JIT compilation %.1f ms per turn%n", jvm[0], jvm[1] / (double) turns,
                jvm[2] / (double) turns);
        long[] started = profile.startedAndOwnTtsThreads();
        ctx.out().printf(Locale.ROOT, "- threads started during the measured turns: %d (server and bench client);"
                + " %d distinct threads ran MaryTTS code off the CPU pool%n", started[0], started[1]);
        ctx.out().printf(Locale.ROOT, "- TTFA (client: end of question -> first audio) p50 %s ms, p90 %s ms over %d"
                + " turns; TTS first audio (server) p50 %s ms%n", Samples.ms(r.ttfa.p50()), Samples.ms(r.ttfa.p90()),
                r.ttfa.count(), Samples.ms(r.tts.p50()));
        int cores = Runtime.getRuntime().availableProcessors();
        double perSpeech = server / 1e9 / speechSeconds;
        double perWall = server / 1e9 / wallSeconds;
        ctx.out().printf(Locale.ROOT, "Capacity bound by CPU: %d cores / %.3f CPU s per s of speech = %.1f users"
                + " speaking without pause; one session in back-to-back turns (question, whole spoken answer, next"
                + " question) used %.1f %% of one core, so %d cores hold %.1f such sessions%n", cores, perSpeech,
                cores / perSpeech, 100.0 * perWall, cores, cores / perWall);
        ctx.out().println();
        ctx.out().flush();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(long part, long whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
