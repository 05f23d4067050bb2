package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.util.List;

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
        Samples ttfa = new Samples();
        Samples endOfTurn = new Samples();
        Samples speechEndToTurn = new Samples();
        Samples stt = new Samples();
        Samples sttToLlm = new Samples();
        Samples llm = new Samples();
        Samples clause = new Samples();
        Samples tts = new Samples();
        Samples ttsToDelta = new Samples();
        Samples server = new Samples();
        Samples overhead = new Samples();
        WordErrors wer = new WordErrors();
        java.util.Map<String, String> said = ctx.transcripts();
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        int failed = 0;
        int splits = 0;
        try (BenchServer srv = BenchServer.start(pipeline);
             RealtimeClient c = BenchSessions.open(ctx.http(), srv.url(), s.silenceMs(), t -> true)) {
            c.tap(e -> {
                if (e.type().equals("conversation.item.input_audio_transcription.completed")) {
                    heard.add(e.node().path("transcript").asText());
                }
            });
            int warmUp = Math.min(WARM_UP_TURNS, s.turns());
            for (int i = -warmUp; i < s.turns(); i++) {
                boolean measured = i >= 0;
                String fixture = FIXTURES[Math.floorMod(i, FIXTURES.length)];
                AudioTrack track = AudioTrack.of(ctx.speech(fixture), 300, 1500, CHUNK_MS);
                c.clear();
                heard.clear();
                int splitsBefore = splits;
                AudioPacer.Playback p = ctx.pacer().play(c, track, false);
                try {
                    RealtimeClient.Event first = c.await("response.output_audio.delta", 30_000);
                    // a pause inside the question can end the turn early; measure the answer to the whole question
                    while (p.sentAt(track.lastSpeech()) == 0 || first.nanos() < p.sentAt(track.lastSpeech())) {
                        splits += measured ? 1 : 0;
                        c.await("response.done", 60_000);
                        first = c.await("response.output_audio.delta", 30_000);
                    }
                    c.await("response.done", 60_000);
                    RealtimeClient.Event timing = c.await("parley.response.timing", 10_000);
                    if (!measured) {
                        continue; // p.finished is joined below (finally)
                    }
                    if (splits == splitsBefore && heard.size() == 1) {
                        wer.add(said.get(fixture), heard.get(0));
                    }
                    double clientTtfa = (first.nanos() - p.sentAt(track.lastSpeech())) / 1e6;
                    StageBreakdown b = StageBreakdown.of(timing.node());
                    ttfa.add(clientTtfa);
                    endOfTurn.add(clientTtfa - b.server());
                    speechEndToTurn.add(b.speechEndToTurn());
                    stt.add(b.stt());
                    sttToLlm.add(b.sttToLlm());
                    llm.add(b.llmFirstToken());
                    clause.add(b.clause());
                    tts.add(b.tts());
                    ttsToDelta.add(b.ttsToDelta());
                    server.add(b.server());
                    overhead.add(b.overhead());
                } catch (IllegalStateException e) {
                    failed += measured ? 1 : 0;
                    ctx.note("  " + (measured ? "turn " + (i + 1) : "warm-up turn") + " (" + fixture + ") failed: "
                            + e.getMessage());
                } finally {
                    p.finished.join();
                }
            }
        }
        TextTable t = new TextTable("Time to first audio, pipeline '" + pipeline.name() + "', silence_duration_ms "
                + s.silenceMs() + " (" + ttfa.count() + " spoken turns after " + Math.min(WARM_UP_TURNS, s.turns())
                + " warm-up turns, " + failed + " failed, "
                + splits + " early turn ends inside a question)",
                "quantity (ms)", "p50", "p90", "p99", "target");
        row(t, "TTFA: last speech chunk sent -> first audio delta received", ttfa, "p90 <= 300");
        row(t, "  end of turn: TTFA - server part (silence window, VAD, transport)", endOfTurn, "");
        row(t, "    server: speech_end -> turn_decided", speechEndToTurn, "");
        row(t, "  server part: turn_decided -> first_delta_sent", server, "");
        row(t, "    STT final: turn_decided -> stt_final", stt, "");
        row(t, "    framework: stt_final -> llm_request", sttToLlm, "");
        row(t, "    LLM first token: llm_request -> llm_first_token", llm, "");
        row(t, "    LLM first clause: llm_first_token -> first_clause", clause, "");
        row(t, "    TTS first audio: first_clause -> tts_first_audio", tts, "");
        row(t, "    framework: tts_first_audio -> first_delta_sent", ttsToDelta, "");
        row(t, "  framework overhead (server part - STT - LLM - TTS)", overhead, "p99 <= 2");
        t.print(ctx.out());
        ctx.out().printf("Transcripts: word error rate %.1f %% over the %d turns that ended once (testdata/speech/"
                + "transcripts.tsv)%n", wer.percent(), wer.utterances());
        wer.misheard().forEach(m -> ctx.out().println("- " + m));
        ctx.out().println();
    }

    static void row(TextTable t, String name, Samples v, String target) {
        t.row(name, Samples.ms(v.p50()), Samples.ms(v.p90()), Samples.ms(v.p99()), target);
    }
}
