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
 * The threads that ran the traced sessions' observers are listed against the span exporter's ({@link TapThreads}).
 */
final class TelemetryOverheadBench {
    private TelemetryOverheadBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        BenchSettings s = ctx.settings();
        Samples[] overhead = {new Samples(), new Samples()};
        Samples[] ttfa = {new Samples(), new Samples()};
        int[] failed = new int[2];
        TapThreads threads = new TapThreads();
        try (OtlpSink sink = new OtlpSink();
             OtlpTracing tracing = OtlpTracing.configure(sink.endpoint(), OtlpTracing.Sessions.ALL,
                     LlmLabel.Resolver.ENGINE_CLASS, Map.of()).orElseThrow();
             ParleyMetrics metrics = new ParleyMetrics();
             BenchServer on = BenchServer.start(pipeline, metrics, SessionTaps.all(metrics, tracing, threads));
             BenchServer off = BenchServer.start(pipeline, new ParleyMetrics(), SessionTaps.NONE);
             RealtimeClient onClient = BenchSessions.open(ctx.http(), on.url(), s.silenceMs(), t -> true);
             RealtimeClient offClient = BenchSessions.open(ctx.http(), off.url(), s.silenceMs(), t -> true)) {
            RealtimeClient[] clients = {onClient, offClient};
            int warmUp = Math.min(TtfaBench.WARM_UP_TURNS, s.turns()); // as the other latency sections
            for (int i = -warmUp; i < s.turns(); i++) {
                String fixture = TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
                for (int side = 0; side < 2; side++) {
                    // alternate which side goes first, so neither always follows the other's GC
                    int which = Math.floorMod(i, 2) == 0 ? side : 1 - side;
                    turn(ctx, clients[which], fixture, i >= 0, overhead[which], ttfa[which], failed, which);
                }
            }
            tracing.flush();
            TextTable t = new TextTable("Framework overhead, telemetry on vs off, pipeline '" + pipeline.name()
                    + "' (" + overhead[0].count() + " + " + overhead[1].count() + " spoken turns alternating after "
                    + warmUp + " warm-up turns each; " + failed[0] + " + " + failed[1] + " failed; "
                    + sink.exports.get() + " OTLP exports, " + sink.bytes.get() / 1024 + " KiB)",
                    "quantity (ms)", "p50", "p90", "p99", "target");
            TtfaBench.row(t, "framework overhead, metrics + traces on", overhead[0], "");
            TtfaBench.row(t, "framework overhead, telemetry off", overhead[1], "");
            List<Double> a = overhead[0].values();
            List<Double> b = overhead[1].values();
            t.row("  extra (on - off) [95% bootstrap CI]", BootstrapDiff.of(a, b, 0.5, 1), BootstrapDiff.of(a, b, 0.9, 2),
                    BootstrapDiff.of(a, b, 0.99, 3), "p99 < 0.5");
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

    private static void turn(BenchContext ctx, RealtimeClient c, String fixture, boolean measured, Samples overhead,
                             Samples ttfa, int[] failed, int side) throws InterruptedException {
        AudioTrack track = AudioTrack.of(ctx.speech(fixture), 300, 1500, TtfaBench.CHUNK_MS);
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
