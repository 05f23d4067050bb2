package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Table 3: barge-in. A typed request for a six-sentence story; as soon as its first audio delta arrives the
 * client starts speaking a recorded question at real-time pace. Barge-in latency = receipt of the last
 * {@code response.output_audio.delta} minus receipt of {@code input_audio_buffer.speech_started} (0 when no audio
 * followed the onset). Both events travel the same ordered socket from the same server, so their gap at the client
 * is the gap at which the server sent them: the client's receipt of {@code speech_started} stands for the
 * server's VAD onset without needing a server clock.
 */
final class BargeInBench {
    static final String STORY = "Tell me a six-sentence story about a dragon.";

    private BargeInBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        int trials = Math.max(3, ctx.settings().repeats() * 4);
        Samples latency = new Samples();
        Samples vadDecision = new Samples();
        Samples deltasAfter = new Samples();
        Samples closed = new Samples();
        int cancelled = 0;
        AudioTrack interruption = AudioTrack.of(ctx.speech("joke-slt.wav"), 0, 1500, TtfaBench.CHUNK_MS);
        try (BenchServer srv = BenchServer.start(pipeline)) {
            for (int i = 0; i < trials; i++) {
                try (RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(),
                        t -> !t.equals("response.output_audio.delta"))) {
                    AtomicLong deltasAtOnset = new AtomicLong(-1);
                    c.tap(e -> {
                        if (e.type().equals("input_audio_buffer.speech_started")) {
                            deltasAtOnset.compareAndSet(-1, c.audioDeltas());
                        }
                    });
                    String[] turn = BenchSessions.textTurn(STORY);
                    c.send(turn[0]);
                    c.send(turn[1]);
                    c.await("response.created", BenchSessions.TIMEOUT_MS);
                    c.awaitAudioDeltasAbove(0, 30_000);
                    AudioPacer.Playback p = ctx.pacer().play(c, interruption, false);
                    RealtimeClient.Event onset = c.await("input_audio_buffer.speech_started", 10_000);
                    RealtimeClient.Event done = c.await("response.done", 30_000);
                    boolean wasCancelled = done.node().at("/response/status").asText().equals("cancelled");
                    cancelled += wasCancelled ? 1 : 0;
                    latency.add(Math.max(0, (c.lastAudioDeltaNanos() - onset.nanos()) / 1e6));
                    vadDecision.add((onset.nanos() - p.sentAt(interruption.firstSpeech())) / 1e6);
                    deltasAfter.add(c.audioDeltas() - deltasAtOnset.get());
                    closed.add((done.nanos() - onset.nanos()) / 1e6);
                    c.await("response.done", 60_000); // the interruption's own answer
                    p.finished.join();
                }
            }
        }
        TextTable t = new TextTable("Barge-in on pipeline '" + pipeline.name() + "' (" + latency.count()
                + " trials, " + cancelled + " responses cancelled while still producing audio)",
                "quantity", "p50", "p90", "max", "target");
        t.row("VAD onset (speech_started received) -> last audio delta received (ms)", Samples.ms(latency.p50()),
                Samples.ms(latency.p90()), Samples.ms(latency.max()), "p90 <= 150");
        t.row("audio deltas received after speech_started", Samples.ms(deltasAfter.p50()),
                Samples.ms(deltasAfter.p90()), Samples.ms(deltasAfter.max()), "");
        t.row("VAD onset -> response.done (cancelled) received (ms)", Samples.ms(closed.p50()),
                Samples.ms(closed.p90()), Samples.ms(closed.max()), "");
        t.row("for reference: first speech chunk sent -> speech_started (VAD min_speech_ms + transport, ms)",
                Samples.ms(vadDecision.p50()), Samples.ms(vadDecision.p90()), Samples.ms(vadDecision.max()), "");
        t.print(ctx.out());
    }
}
