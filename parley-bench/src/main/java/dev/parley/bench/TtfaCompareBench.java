package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section {@code ttfa-ab}: time to first audio of several configurations measured side by side in one run, so a
 * change is judged against the same machine load. Each variant gets its own server and session; turns are
 * interleaved (variant 1, 2, … then again, the order rotating every round) with the same fixture in each round.
 *
 * <p>A variant is {@code label=pipeline}, optionally followed by {@code ;property=value} pairs: JVM system
 * properties set while that variant's server and session open (components read such switches when a stream
 * opens) and cleared afterwards.
 */
final class TtfaCompareBench {
    /** One configuration under comparison. */
    record Variant(String label, String pipeline, Map<String, String> properties) {
        static Variant parse(String spec) {
            String[] parts = spec.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0 || eq == parts[0].length() - 1) {
                throw new IllegalArgumentException("--variants: '" + spec + "' is not label=pipeline[;prop=value]");
            }
            Map<String, String> props = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int e = parts[i].indexOf('=');
                if (e <= 0) {
                    throw new IllegalArgumentException("--variants: '" + parts[i] + "' is not property=value");
                }
                props.put(parts[i].substring(0, e), parts[i].substring(e + 1));
            }
            return new Variant(parts[0].substring(0, eq), parts[0].substring(eq + 1), props);
        }
    }

    private TtfaCompareBench() {
    }

    static void run(BenchContext ctx, List<String> specs) throws Exception {
        if (specs.size() < 2) {
            throw new IllegalArgumentException("ttfa-ab needs --variants with at least two label=pipeline entries");
        }
        BenchSettings s = ctx.settings();
        List<Variant> variants = specs.stream().map(Variant::parse).toList();
        List<Pipeline> pipelines = new ArrayList<>();
        List<BenchServer> servers = new ArrayList<>();
        List<RealtimeClient> clients = new ArrayList<>();
        List<TtfaTurns> turns = new ArrayList<>();
        try {
            for (Variant v : variants) {
                withProperties(v, () -> {
                    Pipeline p = BenchServer.assemble(v.pipeline(), ctx.registry());
                    pipelines.add(p);
                    BenchServer srv = BenchServer.start(p);
                    servers.add(srv);
                    RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true);
                    clients.add(c);
                    turns.add(new TtfaTurns(ctx, c));
                });
            }
            int warmUp = Math.min(TtfaBench.WARM_UP_TURNS, s.turns());
            for (int i = -warmUp; i < s.turns(); i++) {
                String fixture = TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
                for (int k = 0; k < variants.size(); k++) {
                    int v = Math.floorMod(i + k, variants.size());
                    turns.get(v).speak(fixture, i >= 0, variants.get(v).label() + " turn " + (i + 1));
                }
            }
        } finally {
            clients.forEach(RealtimeClient::close);
            servers.forEach(BenchServer::close);
            pipelines.forEach(Pipeline::close);
        }
        print(ctx, variants, turns);
    }

    private static void print(BenchContext ctx, List<Variant> variants, List<TtfaTurns> turns) {
        TtfaTurns base = turns.get(0);
        TextTable t = new TextTable("Time to first audio, variants side by side (" + ctx.settings().turns()
                + " interleaved turns each after " + Math.min(TtfaBench.WARM_UP_TURNS, ctx.settings().turns())
                + " warm-up; ratio = p90 / p90 of '" + variants.get(0).label() + "')",
                "variant", "TTFA p50 / p90 / p99", "ratio", "STT final p50 / p90", "overhead p50 / p90 / p99",
                "TTS first audio p50 / p90", "failed, splits, WER");
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            TtfaTurns r = turns.get(i);
            t.row(v.label() + " (" + v.pipeline() + (v.properties().isEmpty() ? "" : "; " + v.properties()) + ")",
                    three(r.ttfa), String.format(java.util.Locale.ROOT, "%.2f", r.ttfa.p90() / base.ttfa.p90()),
                    Samples.ms(r.stt.p50()) + " / " + Samples.ms(r.stt.p90()), three(r.overhead),
                    Samples.ms(r.tts.p50()) + " / " + Samples.ms(r.tts.p90()),
                    r.failed + ", " + r.splits + ", " + String.format(java.util.Locale.ROOT, "%.1f %%",
                            r.wer.percent()));
        }
        t.print(ctx.out());
        ctx.out().println();
    }

    private static String three(Samples v) {
        return Samples.ms(v.p50()) + " / " + Samples.ms(v.p90()) + " / " + Samples.ms(v.p99());
    }

    private interface Opening {
        void run() throws Exception;
    }

    private static void withProperties(Variant v, Opening opening) throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        v.properties().forEach((k, val) -> before.put(k, System.setProperty(k, val)));
        try {
            opening.run();
        } finally {
            before.forEach((k, old) -> {
                if (old == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, old);
                }
            });
        }
    }
}
