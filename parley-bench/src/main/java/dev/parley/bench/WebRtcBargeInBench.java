package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Barge-in over the WebSocket against WebRTC, on one server and pipeline, trials alternating between the two and
 * cycling through {@link BargeInBench#ONSETS}. A typed request for {@link BargeInBench#STORY}; once its audio is
 * coming the client speaks the interruption at real-time pace. Every quantity starts at the send (WebSocket) or
 * microphone push (WebRTC) of the chunk holding the interruption's first speech sample. Over the WebSocket, "last
 * audio" is the last {@code response.output_audio.delta} received; over WebRTC it is the last audible frame
 * (−40 dBFS) on the received track before the interruption's own answer was created: what the user hears.
 */
final class WebRtcBargeInBench {
    private WebRtcBargeInBench() {
    }

    /** Per transport: the quantities of its trials. */
    private record Trials(Samples toLastAudio, Samples toDone, Samples toVad, Samples toCleared, int[] cancelled) {
        Trials() {
            this(new Samples(), new Samples(), new Samples(), new Samples(), new int[1]);
        }
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws Exception {
        int trials = Math.max(2, ctx.settings().turns());
        Trials ws = new Trials();
        Trials rtc = new Trials();
        int[] failed = new int[2];
        try (BenchServer srv = BenchServer.startWithWebRtc(pipeline)) {
            for (int i = 0; i < trials; i++) {
                BargeInBench.Onset onset = BargeInBench.ONSETS.get(i % BargeInBench.ONSETS.size());
                AudioTrack interruption = AudioTrack.of(ctx.speech(onset.file()), 0, 1500, TtfaBench.CHUNK_MS);
                for (int k = 0; k < 2; k++) {
                    boolean webRtc = (k + i) % 2 == 1; // alternate which transport goes first
                    try {
                        if (webRtc) {
                            webRtcTrial(ctx, srv, interruption, rtc);
                        } else {
                            webSocketTrial(ctx, srv, interruption, ws);
                        }
                    } catch (IllegalStateException e) {
                        failed[webRtc ? 1 : 0]++;
                        ctx.note("  barge-in over " + (webRtc ? "webrtc" : "websocket") + " trial " + (i + 1)
                                + " (" + onset.file() + ") failed: " + e.getMessage());
                    }
                }
            }
        }
        TextTable t = new TextTable("Barge-in over WebSocket and WebRTC, pipeline '" + pipeline.name() + "', from the"
                + " first interrupting speech sample sent (" + ws.toDone().count() + " + " + rtc.toDone().count()
                + " trials, alternating, cycling through the onsets; " + failed[0] + " + " + failed[1] + " failed)",
                "transport", "-> last audio p50/p90/max ms", "-> response.done cancelled p50/p90",
                "-> speech_started p50/p90", "-> output_audio_buffer.cleared p50/p90", "cancelled");
        row(t, "websocket (last audio delta received)", ws, "-");
        row(t, "webrtc (last audible frame received)", rtc, Samples.ms(rtc.toCleared().p50()) + " / "
                + Samples.ms(rtc.toCleared().p90()));
        t.print(ctx.out());
        ctx.out().println();
    }

    private static void row(TextTable t, String label, Trials r, String cleared) {
        t.row(label, Samples.ms(r.toLastAudio().p50()) + " / " + Samples.ms(r.toLastAudio().p90()) + " / "
                        + Samples.ms(r.toLastAudio().max()),
                Samples.ms(r.toDone().p50()) + " / " + Samples.ms(r.toDone().p90()),
                Samples.ms(r.toVad().p50()) + " / " + Samples.ms(r.toVad().p90()), cleared,
                r.cancelled()[0] + "/" + r.toDone().count());
    }

    private static void webSocketTrial(BenchContext ctx, BenchServer srv, AudioTrack interruption, Trials out)
            throws InterruptedException {
        try (RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(),
                e -> !e.equals("response.output_audio.delta"))) {
            Queue<RealtimeClient.Event> log = story(c);
            c.awaitAudioDeltasAbove(0, 30_000);
            long deltasBefore = c.audioDeltas();
            AudioPacer.Playback p = ctx.pacer().play(c, interruption, false);
            try {
                RealtimeClient.Event done = c.await("response.done", 30_000);
                long firstSample = p.sentAt(interruption.firstSpeech());
                long after = c.audioDeltas() - deltasBefore;
                record(out, done, firstSample, after == 0 ? firstSample : c.lastAudioDeltaNanos(), log, 0);
                c.await("response.done", 60_000); // the interruption's own answer
            } finally {
                p.finished.join();
            }
        }
    }

    private static void webRtcTrial(BenchContext ctx, BenchServer srv, AudioTrack interruption, Trials out)
            throws Exception {
        try (RealtimeClient c = BenchSessions.configure(WebRtcBenchTransport.call(ctx.http(), srv.port(),
                t -> true), ctx.settings().silenceMs())) {
            AudibleFrames heard = WebRtcBenchTransport.of(c).heard();
            Queue<RealtimeClient.Event> log = story(c);
            c.await("output_audio_buffer.started", 30_000);
            heard.awaitFirstAtOrAfter(0, 30_000); // the story is being heard
            AudioPacer.Playback p = ctx.pacer().play(c, interruption, false);
            try {
                RealtimeClient.Event done = c.await("response.done", 30_000);
                long firstSample = p.sentAt(interruption.firstSpeech());
                long answer;
                try {
                    answer = c.await("response.created", 30_000).nanos(); // the interruption's own answer
                } catch (IllegalStateException e) {
                    answer = System.nanoTime(); // no answer: all the story's audio is in by now
                }
                long cleared = first(log, "output_audio_buffer.cleared", firstSample);
                record(out, done, firstSample, Math.max(firstSample, heard.lastBefore(answer)), log,
                        cleared == 0 ? 0 : cleared - firstSample);
            } finally {
                p.finished.join();
            }
        }
    }

    /** Asks for the story; returns the log of every event received from now on. */
    private static Queue<RealtimeClient.Event> story(RealtimeClient c) throws InterruptedException {
        Queue<RealtimeClient.Event> log = new ConcurrentLinkedQueue<>();
        c.tap(log::add);
        String[] turn = BenchSessions.textTurn(BargeInBench.STORY);
        c.send(turn[0]);
        c.send(turn[1]);
        c.await("response.created", BenchSessions.TIMEOUT_MS);
        return log;
    }

    private static void record(Trials out, RealtimeClient.Event done, long firstSample, long lastAudio,
                               Queue<RealtimeClient.Event> log, long toCleared) {
        boolean cancelled = done.node().at("/response/status").asText().equals("cancelled");
        out.cancelled()[0] += cancelled ? 1 : 0;
        out.toLastAudio().add(Math.max(0, (lastAudio - firstSample) / 1e6));
        out.toDone().add((done.nanos() - firstSample) / 1e6);
        long vad = first(log, "input_audio_buffer.speech_started", firstSample - 5_000_000_000L);
        if (vad != 0) {
            out.toVad().add((vad - firstSample) / 1e6);
        }
        if (toCleared > 0) {
            out.toCleared().add(toCleared / 1e6);
        }
    }

    /** The arrival of the first logged event of {@code type} at or after {@code from}, or 0. */
    private static long first(Queue<RealtimeClient.Event> log, String type, long from) {
        for (RealtimeClient.Event e : log) {
            if (e.type().equals(type) && e.nanos() >= from) {
                return e.nanos();
            }
        }
        return 0;
    }
}
