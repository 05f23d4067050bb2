package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;

/**
 * Table 1: time to first audio on spoken turns. Each turn streams a recorded question at real-time pace in
 * 20 ms chunks; TTFA = receipt of the first {@code response.output_audio.delta} minus the instant the chunk
 * holding the last speech sample was sent. The server's stage marks split it up.
 */
final class TtfaBench {
    static final String[] FIXTURES = {"weather-slt.wav", "table-rms.wav", "pizza-awb.wav", "lights-kal16.wav",
        "joke-slt.wav", "meeting-rms.wav", "station-slt.wav", "alarm-kal16.wav"};
    static final int CHUNK_MS = 20;
    /** Turns spoken first and not counted, so the figures are a warmed-up server's, not the JIT compiler's. */
    static final int WARM_UP_TURNS = 3;

    private TtfaBench() {
    }

    static void run(BenchContext ctx, Pipeline pipeline) throws InterruptedException {
        BenchSettings s = ctx.settings();
        TtfaTurns r;
        try (BenchServer srv = BenchServer.start(pipeline);
             RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true)) {
            r = new TtfaTurns(ctx, c);
            int warmUp = Math.min(WARM_UP_TURNS, s.turns());
            for (int i = -warmUp; i < s.turns(); i++) {
                r.speak(FIXTURES[Math.floorMod(i, FIXTURES.length)], i >= 0, "turn " + (i + 1));
            }
        }
        Samples ttfa = r.ttfa;
        int failed = r.failed;
        int splits = r.splits;
        TextTable t = new TextTable("Time to first audio, pipeline '" + pipeline.name() + "', silence_duration_ms "
                + s.silenceMs() + " (" + ttfa.count() + " spoken turns after " + Math.min(WARM_UP_TURNS, s.turns())
                + " warm-up turns, " + failed + " failed, "
                + splits + " early turn ends inside a question)",
                "quantity (ms)", "p50", "p90", "p99", "target");
        row(t, "TTFA: last speech chunk sent -> first audio delta received", ttfa, "p90 <= 300");
        row(t, "  end of turn: TTFA - server part (silence window, VAD, transport)", r.endOfTurn, "");
        row(t, "    server: speech_end -> turn_decided", r.speechEndToTurn, "");
        row(t, "  server part: turn_decided -> first_delta_sent", r.server, "");
        row(t, "    STT final: turn_decided -> stt_final", r.stt, "");
        row(t, "    framework: stt_final -> llm_request", r.sttToLlm, "");
        row(t, "    LLM first token: llm_request -> llm_first_token", r.llm, "");
        row(t, "    LLM first clause: llm_first_token -> first_clause", r.clause, "");
        row(t, "    TTS first audio: first_clause -> tts_first_audio", r.tts, "");
        row(t, "    framework: tts_first_audio -> first_delta_sent", r.ttsToDelta, "");
        row(t, "  framework overhead (server part - STT - LLM - TTS)", r.overhead, "p99 <= 2");
        t.print(ctx.out());
        ctx.out().printf("Transcripts: word error rate %.1f %% over the %d turns that ended once (testdata/speech/"
                + "transcripts.tsv)%n", r.wer.percent(), r.wer.utterances());
        r.wer.misheard().forEach(m -> ctx.out().println("- " + m));
        ctx.out().println();
    }

    static void row(TextTable t, String name, Samples v, String target) {
        t.row(name, Samples.ms(v.p50()), Samples.ms(v.p90()), Samples.ms(v.p99()), target);
    }
}
