package dev.parley.bench;

import dev.parley.runtime.grpc.GrpcServer;
import dev.parley.runtime.pipeline.Pipeline;

/**
 * The WebRTC row (opt-in section {@code webrtc}): time to first audio over the WebSocket, gRPC and WebRTC in one
 * run against one server and pipeline, turns rotating through the three transports (so load drift hits all
 * alike). Each turn is {@link TtfaBench}'s recorded question at real-time pace. Over the WebSocket and gRPC, TTFA
 * runs from the send of the chunk holding the last speech sample to the first audio delta received; over WebRTC
 * the same chunk is pushed into the microphone track, and TTFA runs to the first audible frame (−40 dBFS) of the
 * received track and to the first {@code output_audio_buffer.started} on the events channel. Then
 * {@link WebRtcBargeInBench} compares barge-in over the WebSocket and WebRTC.
 */
final class WebRtcTtfaBench {
    static final String[] NAMES = {"websocket", "grpc", "webrtc"};
    private static final int WEBRTC = 2;

    private WebRtcTtfaBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws Exception {
        BenchSettings s = ctx.settings();
        Samples[] ttfa = {new Samples(), new Samples(), new Samples()};
        Samples[] overhead = {new Samples(), new Samples(), new Samples()};
        Samples started = new Samples();
        Samples wsAudible = new Samples();
        int[] failed = new int[3];
        int warmUp = Math.min(TtfaBench.WARM_UP_TURNS, s.turns());
        try (BenchServer srv = BenchServer.startWithWebRtc(pipeline);
             GrpcServer grpc = GrpcServer.start(srv.transports(), "127.0.0.1", 0);
             RealtimeClient ws = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true);
             RealtimeClient g = BenchSessions.configure(GrpcBenchTransport.connect("127.0.0.1", grpc.port(),
                     t -> true), s.silenceMs());
             RealtimeClient rtc = BenchSessions.configure(WebRtcBenchTransport.call(ctx.http(), srv.port(),
                     t -> true), s.silenceMs())) {
            RealtimeClient[] clients = {ws, g, rtc};
            for (int i = -warmUp; i < s.turns(); i++) {
                String fixture = TtfaBench.FIXTURES[Math.floorMod(i, TtfaBench.FIXTURES.length)];
                for (int k = 0; k < 3; k++) {
                    int t = (k + Math.floorMod(i, 3)) % 3; // rotate which transport goes first
                    try {
                        double[] r = turn(ctx, clients[t], t == WEBRTC, fixture);
                        if (i >= 0) {
                            ttfa[t].add(r[0]);
                            overhead[t].add(r[1]);
                            if (t == WEBRTC) {
                                started.add(r[2]);
                            } else if (t == 0) {
                                wsAudible.add(r[2]);
                            }
                        }
                    } catch (IllegalStateException e) {
                        failed[t] += i >= 0 ? 1 : 0;
                        ctx.note("  " + NAMES[t] + " turn " + (i + 1) + " (" + fixture + ") failed: " + e.getMessage());
                    }
                }
            }
        }
        TextTable t = new TextTable("Transports: WebSocket, gRPC and WebRTC, pipeline '" + pipeline.name() + "' ("
                + ttfa[0].count() + " + " + ttfa[1].count() + " + " + ttfa[2].count()
                + " spoken turns, rotating, after " + warmUp + " warm-up turns each; " + failed[0] + " + " + failed[1] + " + " + failed[2] + " failed)",
                "quantity (ms)", "p50", "p90", "p99", "target");
        for (int k = 0; k < 2; k++) {
            TtfaBench.row(t, "TTFA over " + NAMES[k] + ": last speech chunk sent -> first audio delta", ttfa[k], "");
        }
        TtfaBench.row(t, "TTFA over websocket: last speech chunk sent -> first audible sample if played at once",
                wsAudible, "");
        TtfaBench.row(t, "TTFA over webrtc: last speech pushed -> first audible frame received", ttfa[WEBRTC], "");
        TtfaBench.row(t, "TTFA over webrtc: last speech pushed -> output_audio_buffer.started", started, "");
        for (int k = 0; k < 3; k++) {
            TtfaBench.row(t, "  framework overhead over " + NAMES[k], overhead[k], "p99 <= 2");
        }
        t.print(ctx.out());
        ctx.out().println();
        WebRtcBargeInBench.run(ctx, pipeline);
    }

    /**
     * One spoken turn: {TTFA, framework overhead, third} ms; third: over WebRTC the TTFA to
     * {@code output_audio_buffer.started}, over the WebSocket to its first audible (−40 dBFS) sample if played from
     * the first delta on, the like-for-like of WebRTC's first audible frame (gRPC's typed deltas carry no audio
     * here: NaN, not counted).
     */
    private static double[] turn(BenchContext ctx, RealtimeClient c, boolean webRtc, String fixture)
            throws InterruptedException {
        AudioTrack track = AudioTrack.of(ctx.speech(fixture), 300, 1500, TtfaBench.CHUNK_MS);
        AudibleFrames heard = webRtc ? WebRtcBenchTransport.of(c).heard() : null;
        if (heard != null) {
            heard.clear();
        }
        java.util.Queue<RealtimeClient.Event> deltas = new java.util.concurrent.ConcurrentLinkedQueue<>();
        c.tap(e -> {
            if (e.type().equals("response.output_audio.delta")) {
                deltas.add(e);
            }
        });
        c.clear();
        AudioPacer.Playback p = ctx.pacer().play(c, track, false);
        try {
            String firstAudio = webRtc ? "output_audio_buffer.started" : "response.output_audio.delta";
            RealtimeClient.Event first = c.await(firstAudio, 30_000);
            while (p.sentAt(track.lastSpeech()) == 0 || first.nanos() < p.sentAt(track.lastSpeech())) {
                c.await("response.done", 60_000); // the turn ended inside the question
                first = c.await(firstAudio, 30_000);
            }
            long lastSpeech = p.sentAt(track.lastSpeech());
            long audible = heard == null ? first.nanos() : heard.awaitFirstAtOrAfter(lastSpeech, 30_000);
            c.await("response.done", 60_000);
            RealtimeClient.Event timing = c.await("parley.response.timing", 10_000);
            if (webRtc) {
                c.await("output_audio_buffer.stopped", 60_000); // the answer has played out before the next turn
            }
            long third = webRtc ? first.nanos() : firstAudibleDelta(deltas, lastSpeech);
            return new double[] {(audible - lastSpeech) / 1e6, StageBreakdown.of(timing.node()).overhead(),
                third == 0 ? Double.NaN : (third - lastSpeech) / 1e6};
        } finally {
            p.finished.join();
        }
    }

    /**
     * When a WebSocket client that plays the answer from its first delta on (at or after {@code from}) would play
     * its first audible sample: the first delta's arrival plus the quiet audio before that sample (24 kHz);
     * 0 if no delta is audible.
     */
    private static long firstAudibleDelta(java.util.Queue<RealtimeClient.Event> deltas, long from) {
        long start = 0;
        long quietSamples = 0;
        for (RealtimeClient.Event e : deltas) {
            if (e.nanos() < from || !e.json().contains("\"delta\"")) {
                continue;
            }
            start = start == 0 ? e.nanos() : start;
            byte[] pcm = java.util.Base64.getDecoder().decode(e.node().path("delta").asText());
            int at = AudibleFrames.firstAudibleFrame(pcm, 1, pcm.length / 2);
            if (at >= 0) {
                return start + (quietSamples + at) * 1_000_000_000L / AudioTrack.RATE;
            }
            quietSamples += pcm.length / 2;
        }
        return 0;
    }
}
