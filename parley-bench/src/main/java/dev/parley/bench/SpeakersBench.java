package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.plugins.RuntimeComponentContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Section {@code speakers}: time to first audio when N users speak at once, on the real pipeline, with the stage
 * breakdown. For each N: a freshly assembled pipeline and server (engines loaded, decoders warmed as {@code serve
 * --max-sessions N} would) and N sessions whose questions all start at the same instant (burst); then the same
 * sessions once more (warm); then N turns with Poisson arrivals ({@value #POISSON_RATE_PER_S}/s) on the warm
 * server. Capacity = the largest N whose burst p90 ≤ {@value #CAPACITY_FACTOR} × the single-session p90 of the same
 * run, with no failed turn and every transcript as the single session heard it (the recogniser's own errors are
 * not load's).
 */
final class SpeakersBench {
    static final double CAPACITY_FACTOR = 1.5;
    static final double POISSON_RATE_PER_S = 2.0;

    private record Round(String mode, int n, TtfaTurns all, int wrong) {
    }

    private SpeakersBench() {
    }

    static void run(BenchContext ctx, List<Integer> ns) throws Exception {
        List<Round> rounds = new ArrayList<>();
        Map<String, String> singleHeard = new HashMap<>();
        for (int n : ns) {
            if (ctx.registry().context() instanceof RuntimeComponentContext rc) {
                rc.maxSessions(n);
            }
            try (Pipeline pipeline = BenchServer.assemble(ctx.settings().pipeline(), ctx.registry());
                 BenchServer srv = BenchServer.start(pipeline)) {
                List<RealtimeClient> clients = new ArrayList<>();
                try {
                    for (int i = 0; i < n; i++) {
                        clients.add(BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(), t -> true));
                    }
                    List<TtfaTurns> turns = clients.stream().map(c -> new TtfaTurns(ctx, c)).toList();
                    rounds.add(round(ctx, "burst (fresh server)", turns, 0, 0, singleHeard));
                    rounds.add(round(ctx, "warm", turns, 1, 0, singleHeard));
                    rounds.add(round(ctx, "Poisson " + POISSON_RATE_PER_S + "/s", turns, 2, POISSON_RATE_PER_S,
                            singleHeard));
                } finally {
                    clients.forEach(RealtimeClient::close);
                }
            }
        }
        print(ctx, rounds);
    }

    /** Every session speaks once (fixture by session index + {@code shift}), at once or with Poisson starts. */
    private static Round round(BenchContext ctx, String mode, List<TtfaTurns> turns, int shift, double ratePerS,
                               Map<String, String> singleHeard) throws Exception {
        List<TtfaTurns> fresh = new ArrayList<>();
        Random random = new Random(42);
        long[] delays = new long[turns.size()];
        long at = 0;
        for (int i = 0; i < turns.size(); i++) {
            delays[i] = ratePerS > 0 ? at : 0;
            at += (long) (-Math.log(1 - random.nextDouble()) / ratePerS * 1000);
        }
        ExecutorService speakers = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<TtfaTurns>> done = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            int k = i;
            done.add(speakers.submit(() -> {
                Thread.sleep(delays[k]);
                TtfaTurns t = turns.get(k).fresh();
                t.speak(TtfaBench.FIXTURES[(k + shift) % TtfaBench.FIXTURES.length], true, mode + " session " + k);
                return t;
            }));
        }
        for (Future<TtfaTurns> f : done) {
            fresh.add(f.get());
        }
        speakers.shutdown();
        TtfaTurns all = TtfaTurns.merged(fresh);
        int wrong = 0;
        for (Map.Entry<String, String> h : all.heardByFixture) {
            if (turns.size() == 1) {
                singleHeard.putIfAbsent(h.getKey(), h.getValue());
            } else if (singleHeard.containsKey(h.getKey()) && !singleHeard.get(h.getKey()).equals(h.getValue())) {
                wrong++;
            }
        }
        return new Round(mode, turns.size(), all, wrong);
    }

    private static void print(BenchContext ctx, List<Round> rounds) {
        double single = rounds.stream().filter(r -> r.n() == 1 && r.mode().startsWith("burst")).mapToDouble(
                r -> r.all().ttfa.p90()).findFirst().orElse(Double.NaN);
        TextTable t = new TextTable("Time to first audio with N speakers at once, pipeline '"
                + ctx.settings().pipeline() + "' (one spoken turn per session per row; single-session p90 "
                + Samples.ms(single) + " ms)", "mode", "N", "TTFA p50 / p90 / p99", "p90 / single",
                "STT final p50 / p90", "LLM+clause p90", "TTS first audio p90", "overhead p99", "failed, splits",
                "transcripts unlike N=1");
        int capacity = 0;
        for (Round r : rounds) {
            TtfaTurns a = r.all();
            double ratio = a.ttfa.p90() / single;
            t.row(r.mode(), String.valueOf(r.n()), three(a.ttfa), String.format(Locale.ROOT, "%.2f", ratio),
                    Samples.ms(a.stt.p50()) + " / " + Samples.ms(a.stt.p90()),
                    Samples.ms(a.llm.p90() + a.clause.p90()), Samples.ms(a.tts.p90()), Samples.ms(a.overhead.p99()),
                    a.failed + ", " + a.splits, String.valueOf(r.wrong()));
            if (r.mode().startsWith("burst") && ratio <= CAPACITY_FACTOR && a.failed == 0 && r.wrong() == 0
                    && a.ttfa.count() == r.n()) {
                capacity = Math.max(capacity, r.n());
            }
        }
        t.print(ctx.out());
        ctx.out().printf("Capacity by time to first audio (largest burst N with p90 <= %.1f x single-session p90,"
                + " no failed turn, transcripts as N=1 heard them): %d%n%n", CAPACITY_FACTOR, capacity);
    }

    private static String three(Samples v) {
        return Samples.ms(v.p50()) + " / " + Samples.ms(v.p90()) + " / " + Samples.ms(v.p99());
    }
}
