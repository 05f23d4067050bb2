package dev.parley.bench;

import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionTaps;
import dev.parley.runtime.tracing.LlmLabel;
import dev.parley.runtime.tracing.OtlpTracing;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Framework overhead with telemetry on (Prometheus metrics and OpenTelemetry traces of every session, exported
 * over OTLP/HTTP to an in-process sink) against off (no observer of the session's events), in one run: two
 * servers with the same pipeline, one session each, spoken turns alternating between them so the machine's load
 * falls on both alike. Overhead as in table 1: the server part of TTFA minus STT, LLM and TTS. The difference of
 * each percentile (on − off) comes with a 95 % bootstrap interval ({@link BootstrapDiff}): with tens of turns a
 * side the p99 is one or two turns, and the interval says whether the run can resolve the 0.5 ms target at all.
 * The threads that ran the traced sessions' observers are listed against the span exporter's ({@link TapThreads}),
 * and the time spent inside the observers on the session's path is timed per turn in the server itself
 * ({@link TapTimer}): telemetry's direct cost, resolvable at p99 in far fewer turns than the difference.
 *
 * <p>{@link #runZeroCost} is the same comparison on the zero-cost pipeline with a 300 ms tone per turn instead of
 * a spoken sentence: telemetry's cost is per event, not per unit of component work, and a turn then takes ~1.3 s
 * instead of ~5 s, so a p99 made of ten turns a side (1,000 turns) fits in ~45 minutes instead of ~2.5 hours.
 */
final class TelemetryOverheadBench {
    private TelemetryOverheadBench() {
    }

    /** A turn's audio: the question of turn {@code i} and its name. */
    private interface Turns {
        AudioTrack track(int i);

        String name(int i);
    }

    /** Spoken questions through {@code pipeline} (the default pipeline's real components). */
    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        run(ctx, pipeline, "spoken", new Turns() {
            @Override
            public AudioTrack track(int i) {
                return AudioTrack.of(ctx.speech(name(i)), 300, 1500, TtfaBench.CHUNK_MS);
            }

            @Override
            public String name(int i) {
                return TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
            }
        });
    }

    /** A 300 ms tone per turn through the zero-cost pipeline: only the framework's own work is timed. */
    static void runZeroCost(BenchContext ctx, Pipeline zero) throws InterruptedException {
        // the tail is the VAD's silence window plus margin: the turn ends as soon as the server can tell
        AudioTrack tone = AudioTrack.of(AudioTrack.tone(300), 100, ctx.settings().silenceMs() + 300,
                TtfaBench.CHUNK_MS);
        run(ctx, zero, "tone", new Turns() {
            @Override
            public AudioTrack track(int i) {
                return tone;
            }

            @Override
            public String name(int i) {
                return "tone";
            }
        });
    }

    private static void run(BenchContext ctx, Pipeline pipeline, String kind, Turns turns)
            throws InterruptedException {
        BenchSettings s = ctx.settings();
        Samples[] overhead = {new Samples(), new Samples()};
        Samples[] ttfa = {new Samples(), new Samples()};
        int[] failed = new int[2];
        TapThreads threads = new TapThreads();
        TapTimer timed = new TapTimer();
        try (OtlpSink sink = new OtlpSink();
             OtlpTracing tracing = OtlpTracing.configure(sink.endpoint(), OtlpTracing.Sessions.ALL,
                     LlmLabel.Resolver.ENGINE_CLASS, Map.of()).orElseThrow();
             ParleyMetrics metrics = new ParleyMetrics();
             BenchServer on = BenchServer.start(pipeline, metrics,
                     SessionTaps.all(timed.wrap(SessionTaps.all(metrics, tracing)), threads));
             BenchServer off = BenchServer.start(pipeline, new ParleyMetrics(), SessionTaps.NONE);
             RealtimeClient onClient = BenchSessions.open(ctx.http(), on.url(), s.silenceMs(), t -> true);
             RealtimeClient offClient = BenchSessions.open(ctx.http(), off.url(), s.silenceMs(), t -> true)) {
            RealtimeClient[] clients = {onClient, offClient};
            int warmUp = Math.min(TtfaBench.WARM_UP_TURNS, s.turns()); // as the other latency sections
            for (int i = -warmUp; i < s.turns(); i++) {
                if (i == 0) {
                    timed.reset();
                }
                for (int side = 0; side < 2; side++) {
                    // alternate which side goes first, so neither always follows the other's GC
                    int which = Math.floorMod(i, 2) == 0 ? side : 1 - side;
                    turn(ctx, clients[which], turns.track(i), turns.name(i), i >= 0, overhead[which], ttfa[which],
                            failed, which);
                }
            }
            tracing.flush();
            TextTable t = new TextTable("Framework overhead, telemetry on vs off, pipeline '" + pipeline.name()
                    + "' (" + overhead[0].count() + " + " + overhead[1].count() + " " + kind + " turns alternating after "
                    + warmUp + " warm-up turns each; " + failed[0] + " + " + failed[1] + " failed; "
                    + sink.exports.get() + " OTLP exports, " + sink.bytes.get() / 1024 + " KiB)",
                    "quantity (ms)", "p50", "p90", "p99", "target");
            TtfaBench.row(t, "framework overhead, metrics + traces on", overhead[0], "");
            TtfaBench.row(t, "framework overhead, telemetry off", overhead[1], "");
            List<Double> a = overhead[0].values();
            List<Double> b = overhead[1].values();
            t.row("  extra (on - off) [95% bootstrap CI]", BootstrapDiff.of(a, b, 0.5, 1), BootstrapDiff.of(a, b, 0.9, 2),
                    BootstrapDiff.of(a, b, 0.99, 3), "p99 < 0.5");
            inside(t, "inside the observers, turn end to first audio", timed.critical(), "p99 < 0.5");
            inside(t, "inside the observers, whole turn", timed.perTurn(), "");
            TtfaBench.row(t, "TTFA (client), metrics + traces on", ttfa[0], "");
            TtfaBench.row(t, "TTFA (client), telemetry off", ttfa[1], "");
            t.print(ctx.out());
            Map<String, Double> exporter = TapThreads.exporterThreads();
            Set<String> session = threads.sessionThreads();
            boolean apart = exporter.keySet().stream().noneMatch(session::contains);
            ctx.out().println("Threads that ran the traced sessions' observers: " + session);
            ctx.out().println("OTLP exporter threads (CPU ms): " + exporter + (apart
                    ? " - none of them runs a session's observers" : " - ON THE SESSION'S PATH"));
            ctx.out().println();
        }
    }

    private static void inside(TextTable t, String what, Samples v, String target) {
        t.row("  " + what + " (" + v.count() + " turns, max " + Samples.ms(v.max()) + ")", Samples.ms(v.p50()),
                Samples.ms(v.p90()), Samples.ms(v.p99()), target);
    }

    private static void turn(BenchContext ctx, RealtimeClient c, AudioTrack track, String fixture, boolean measured,
                             Samples overhead, Samples ttfa, int[] failed, int side) throws InterruptedException {
        c.clear();
        AudioPacer.Playback p = ctx.pacer().play(c, track, false);
        try {
            RealtimeClient.Event first = c.await("response.output_audio.delta", 30_000);
            while (p.sentAt(track.lastSpeech()) == 0 || first.nanos() < p.sentAt(track.lastSpeech())) {
                c.await("response.done", 60_000); // the turn ended inside the question: wait for the whole one
                first = c.await("response.output_audio.delta", 30_000);
            }
            c.await("response.done", 60_000);
            RealtimeClient.Event timing = c.await("parley.response.timing", 10_000);
            if (measured) {
                overhead.add(StageBreakdown.of(timing.node()).overhead());
                ttfa.add((first.nanos() - p.sentAt(track.lastSpeech())) / 1e6);
            }
        } catch (IllegalStateException e) {
            failed[side] += measured ? 1 : 0;
            ctx.note("  telemetry " + (side == 0 ? "on" : "off") + " turn (" + fixture + ") failed: " + e.getMessage());
        } finally {
            p.finished.join();
        }
    }
}
