package dev.parley.bench;

import dev.parley.runtime.grpc.GrpcServer;
import dev.parley.runtime.pipeline.Pipeline;

/**
 * The gRPC row: time to first audio and framework overhead over the WebSocket and over gRPC, in one run against
 * one server, turns alternating between the two transports (so load drift hits both alike). Each turn is
 * {@link TtfaBench}'s: a recorded question at real-time pace, TTFA from the chunk holding the last speech sample
 * to the first audio delta received; framework overhead from the server's {@code parley.response.timing}.
 */
final class TransportTtfaBench {
    private TransportTtfaBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws Exception {
        BenchSettings s = ctx.settings();
        Samples[] ttfa = {new Samples(), new Samples()};
        Samples[] overhead = {new Samples(), new Samples()};
        String[] names = {"websocket", "grpc"};
        int[] failed = new int[2];
        try (BenchServer srv = BenchServer.start(pipeline);
             GrpcServer grpc = GrpcServer.start(srv.transports(), "127.0.0.1", 0);
             RealtimeClient ws = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true);
             RealtimeClient g = BenchSessions.configure(GrpcBenchTransport.connect("127.0.0.1", grpc.port(),
                     t -> true), s.silenceMs())) {
            RealtimeClient[] clients = {ws, g};
            int warmUp = Math.min(TtfaBench.WARM_UP_TURNS, s.turns());
            for (int i = -warmUp; i < s.turns(); i++) {
                String fixture = TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
                for (int k = 0; k < 2; k++) {
                    int t = (k + Math.floorMod(i, 2)) % 2; // alternate which transport goes first
                    RealtimeClient c = clients[t];
                    AudioTrack track = AudioTrack.of(ctx.speech(fixture), 300, 1500, TtfaBench.CHUNK_MS);
                    c.clear();
                    AudioPacer.Playback p = ctx.pacer().play(c, track, false);
                    try {
                        RealtimeClient.Event first = c.await("response.output_audio.delta", 30_000);
                        while (p.sentAt(track.lastSpeech()) == 0 || first.nanos() < p.sentAt(track.lastSpeech())) {
                            c.await("response.done", 60_000); // the turn ended inside the question
                            first = c.await("response.output_audio.delta", 30_000);
                        }
                        c.await("response.done", 60_000);
                        RealtimeClient.Event timing = c.await("parley.response.timing", 10_000);
                        if (i >= 0) {
                            ttfa[t].add((first.nanos() - p.sentAt(track.lastSpeech())) / 1e6);
                            overhead[t].add(StageBreakdown.of(timing.node()).overhead());
                        }
                    } catch (IllegalStateException e) {
                        failed[t] += i >= 0 ? 1 : 0;
                        ctx.note("  " + names[t] + " turn " + (i + 1) + " (" + fixture + ") failed: " + e.getMessage());
                    } finally {
                        p.finished.join();
                    }
                }
            }
        }
        TextTable t = new TextTable("Transports: WebSocket against gRPC, pipeline '" + pipeline.name() + "' ("
                + ttfa[0].count() + " + " + ttfa[1].count() + " spoken turns, alternating, after "
                + Math.min(TtfaBench.WARM_UP_TURNS, s.turns()) + " warm-up turns each; " + failed[0] + " + "
                + failed[1] + " failed)", "quantity (ms)", "p50", "p90", "p99", "target");
        for (int k = 0; k < 2; k++) {
            TtfaBench.row(t, "TTFA over " + names[k] + ": last speech chunk sent -> first audio delta", ttfa[k], "");
            TtfaBench.row(t, "  framework overhead over " + names[k], overhead[k], "p99 <= 2");
        }
        t.print(ctx.out());
        ctx.out().println();
    }
}
