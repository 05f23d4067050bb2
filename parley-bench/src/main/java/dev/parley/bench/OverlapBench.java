package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;

/**
 * Table 2: the same engines streaming ({@code overlap: true}) and turn-based ({@code overlap: false}) on a
 * three-sentence answer, alternating modes in one run. TTFA here is client-side, from sending
 * {@code response.create} (after a typed question, so STT plays no part) to the first audio delta received.
 */
final class OverlapBench {
    static final String QUESTION = "Tell me a three-sentence story about a lighthouse.";

    private OverlapBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        Samples[] ttfa = {new Samples(), new Samples()};
        Samples[] total = {new Samples(), new Samples()};
        Samples[] serverTtfa = {new Samples(), new Samples()};
        try (BenchServer streaming = BenchServer.start(BenchServer.withOverlap(pipeline, true));
             BenchServer turnBased = BenchServer.start(BenchServer.withOverlap(pipeline, false))) {
            BenchServer[] servers = {streaming, turnBased};
            for (int r = 0; r < ctx.settings().repeats() + 1; r++) {
                for (int m = 0; m < 2; m++) {
                    try (RealtimeClient c = BenchSessions.open(ctx.http(), servers[m].url(),
                            ctx.settings().silenceMs(), t -> true)) {
                        String[] turn = BenchSessions.textTurn(QUESTION);
                        c.send(turn[0]);
                        c.await("conversation.item.added", BenchSessions.TIMEOUT_MS);
                        long asked = System.nanoTime();
                        c.send(turn[1]);
                        c.await("response.created", BenchSessions.TIMEOUT_MS);
                        long firstAudio = c.await("response.output_audio.delta", 60_000).nanos();
                        RealtimeClient.Event done = c.await("response.done", 60_000);
                        RealtimeClient.Event timing = c.await("parley.response.timing", 10_000);
                        if (r == 0) {
                            continue; // warm-up round: first synthesis of these words in each mode
                        }
                        ttfa[m].add((firstAudio - asked) / 1e6);
                        total[m].add((done.nanos() - asked) / 1e6);
                        serverTtfa[m].add(timing.node().path("ttfa_ms").asDouble(Double.NaN));
                    }
                }
            }
        }
        double ratio = ttfa[0].p50() / ttfa[1].p50();
        TextTable t = new TextTable("Streaming vs turn-based, same engines, 3-sentence answer (\"" + QUESTION
                + "\"), " + ttfa[0].count() + " runs each after one warm-up",
                "mode", "TTFA p50 (ms)", "TTFA p90 (ms)", "server ttfa_ms p50", "response.done p50 (ms)");
        String[] names = {"streaming (overlap: true)", "turn-based (overlap: false)"};
        for (int m = 0; m < 2; m++) {
            t.row(names[m], Samples.ms(ttfa[m].p50()), Samples.ms(ttfa[m].p90()), Samples.ms(serverTtfa[m].p50()),
                    Samples.ms(total[m].p50()));
        }
        t.row("ratio streaming / turn-based (TTFA p50; target <= 0.3)", String.format(java.util.Locale.ROOT,
                "%.3f", ratio), "", "", "");
        t.print(ctx.out());
    }
}
