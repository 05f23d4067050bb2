package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.List;

/**
 * Table 3: barge-in, timed from what the user does. A typed request for a six-sentence story; as soon as its first
 * audio delta arrives the client starts speaking a recorded interruption at real-time pace. Every quantity starts
 * at the send instant of the chunk holding the interruption's first speech sample (the first sample reaching
 * −40 dBFS): to the last {@code response.output_audio.delta} received, to the cancelled {@code response.done}
 * received, and to {@code input_audio_buffer.speech_started} received (the VAD's decision plus transport). One
 * fixture per way of starting to talk (testdata/speech/interruptions.tsv): an unvoiced fricative ("Stop."), an
 * unvoiced plosive ("Pause."), a soft faded-in start ("Hmm,"), and a voiced start (joke-slt.wav).
 */
final class BargeInBench {
    static final String STORY = "Tell me a six-sentence story about a dragon.";
    /** Interruption fixture and how it begins. */
    record Onset(String file, String kind) {
    }

    static final List<Onset> ONSETS = List.of(
            new Onset("stop-slt.wav", "fricative /s/"),
            new Onset("pause-rms.wav", "plosive /p/"),
            new Onset("cancel-slt.wav", "plosive /k/"),
            new Onset("hmm-awb.wav", "soft start"),
            new Onset("joke-slt.wav", "voiced /t/+vowel"));

    private BargeInBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        int trials = ctx.settings().bargeInTrials();
        Samples allToLastDelta = new Samples();
        int allDeltasLate = 0;
        TextTable t = new TextTable("Barge-in on pipeline '" + pipeline.name() + "', from the first interrupting"
                + " speech sample sent (" + trials + " trials per onset)",
                "onset", "-> last delta p50/p90/max ms", "-> response.done cancelled p50/p90", "deltas after p50/max",
                "-> speech_started p50/p90", "cancelled");
        try (BenchServer srv = BenchServer.start(pipeline)) {
            for (Onset onset : ONSETS) {
                Samples toLastDelta = new Samples();
                Samples toDone = new Samples();
                Samples toVad = new Samples();
                Samples deltasAfter = new Samples();
                int cancelled = 0;
                AudioTrack interruption = AudioTrack.of(ctx.speech(onset.file()), 0, 1500, TtfaBench.CHUNK_MS);
                for (int i = 0; i < trials; i++) {
                    try (RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), ctx.settings().silenceMs(),
                            e -> !e.equals("response.output_audio.delta"))) {
                        String[] turn = BenchSessions.textTurn(STORY);
                        c.send(turn[0]);
                        c.send(turn[1]);
                        c.await("response.created", BenchSessions.TIMEOUT_MS);
                        c.awaitAudioDeltasAbove(0, 30_000);
                        // The track starts with its first speech chunk, sent at once: deltas counted from here
                        // arrived after the user began to speak.
                        long deltasBefore = c.audioDeltas();
                        AudioPacer.Playback p = ctx.pacer().play(c, interruption, false);
                        RealtimeClient.Event vad = c.await("input_audio_buffer.speech_started", 10_000);
                        RealtimeClient.Event done = c.await("response.done", 30_000);
                        long firstSample = p.sentAt(interruption.firstSpeech());
                        boolean wasCancelled = done.node().at("/response/status").asText().equals("cancelled");
                        cancelled += wasCancelled ? 1 : 0;
                        long after = c.audioDeltas() - deltasBefore;
                        toLastDelta.add(after == 0 ? 0 : Math.max(0, (c.lastAudioDeltaNanos() - firstSample) / 1e6));
                        toDone.add((done.nanos() - firstSample) / 1e6);
                        toVad.add((vad.nanos() - firstSample) / 1e6);
                        deltasAfter.add(after);
                        c.await("response.done", 60_000); // the interruption's own answer
                        p.finished.join();
                    }
                }
                for (double v : toLastDelta.values()) {
                    allToLastDelta.add(v);
                    allDeltasLate += v > 150 ? 1 : 0;
                }
                t.row(onset.kind() + " (" + onset.file() + ")",
                        Samples.ms(toLastDelta.p50()) + " / " + Samples.ms(toLastDelta.p90()) + " / "
                                + Samples.ms(toLastDelta.max()),
                        Samples.ms(toDone.p50()) + " / " + Samples.ms(toDone.p90()),
                        Samples.ms(deltasAfter.p50()) + " / " + Samples.ms(deltasAfter.max()),
                        Samples.ms(toVad.p50()) + " / " + Samples.ms(toVad.p90()),
                        cancelled + "/" + trials);
            }
        }
        t.print(ctx.out());
        TextTable all = new TextTable("Barge-in, all onsets (" + allToLastDelta.count() + " trials; "
                + allDeltasLate + " received an audio delta more than 150 ms after the first speech sample, target 0)",
                "quantity", "p50", "p90", "max", "target");
        all.row("first speech sample sent -> last audio delta received (ms)", Samples.ms(allToLastDelta.p50()),
                Samples.ms(allToLastDelta.p90()), Samples.ms(allToLastDelta.max()), "p90 <= 150");
        all.print(ctx.out());
    }
}
