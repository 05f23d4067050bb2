package dev.parley.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Spoken turns on one session and what they measured: each turn streams a recorded question at real-time pace in
 * {@value TtfaBench#CHUNK_MS} ms chunks; TTFA = receipt of the first {@code response.output_audio.delta} minus the
 * instant the chunk holding the last speech sample was sent, split up by the server's stage marks.
 */
final class TtfaTurns {
    final Samples ttfa = new Samples();
    final Samples endOfTurn = new Samples();
    final Samples speechEndToTurn = new Samples();
    final Samples stt = new Samples();
    final Samples sttToLlm = new Samples();
    final Samples llm = new Samples();
    final Samples clause = new Samples();
    final Samples tts = new Samples();
    final Samples ttsToDelta = new Samples();
    final Samples server = new Samples();
    final Samples overhead = new Samples();
    final WordErrors wer = new WordErrors();
    /** Fixture and transcript of each measured turn that ended once. */
    final List<Map.Entry<String, String>> heardByFixture = new CopyOnWriteArrayList<>();
    int failed;
    int splits;

    private final BenchContext ctx;
    private final RealtimeClient client;
    private final Map<String, String> said;
    private final List<String> heard;

    TtfaTurns(BenchContext ctx, RealtimeClient client) {
        this.ctx = ctx;
        this.client = client;
        this.said = ctx.transcripts();
        this.heard = new CopyOnWriteArrayList<>();
        client.tap(e -> {
            if (e.type().equals("conversation.item.input_audio_transcription.completed")) {
                heard.add(e.node().path("transcript").asText());
            }
        });
    }

    /** A new, empty record on the same session (the tap added by the constructor keeps feeding {@code heard}). */
    TtfaTurns fresh() {
        return new TtfaTurns(ctx, client, said, heard);
    }

    private TtfaTurns(BenchContext ctx, RealtimeClient client, Map<String, String> said, List<String> heard) {
        this.ctx = ctx;
        this.client = client;
        this.said = said;
        this.heard = heard;
    }

    /** The measurements of several sessions together (transcript word errors are not merged). */
    static TtfaTurns merged(List<TtfaTurns> parts) {
        TtfaTurns m = new TtfaTurns(parts.get(0).ctx, parts.get(0).client, parts.get(0).said, List.of());
        for (TtfaTurns p : parts) {
            for (Samples[] pair : new Samples[][] {{m.ttfa, p.ttfa}, {m.endOfTurn, p.endOfTurn},
                {m.speechEndToTurn, p.speechEndToTurn}, {m.stt, p.stt}, {m.sttToLlm, p.sttToLlm}, {m.llm, p.llm},
                {m.clause, p.clause}, {m.tts, p.tts}, {m.ttsToDelta, p.ttsToDelta}, {m.server, p.server},
                {m.overhead, p.overhead}}) {
                pair[1].values().forEach(pair[0]::add);
            }
            m.failed += p.failed;
            m.splits += p.splits;
            m.heardByFixture.addAll(p.heardByFixture);
        }
        return m;
    }

    /** Speaks {@code fixture} and waits for the whole answer; a warm-up turn ({@code measured} false) counts nothing. */
    void speak(String fixture, boolean measured, String label) throws InterruptedException {
        AudioTrack track = AudioTrack.of(ctx.speech(fixture), 300, 1500, TtfaBench.CHUNK_MS);
        client.clear();
        heard.clear();
        int splitsBefore = splits;
        AudioPacer.Playback p = ctx.pacer().play(client, track, false);
        try {
            RealtimeClient.Event first = client.await("response.output_audio.delta", 30_000);
            // a pause inside the question can end the turn early; measure the answer to the whole question
            while (p.sentAt(track.lastSpeech()) == 0 || first.nanos() < p.sentAt(track.lastSpeech())) {
                splits += measured ? 1 : 0;
                client.await("response.done", 60_000);
                first = client.await("response.output_audio.delta", 30_000);
            }
            client.await("response.done", 60_000);
            RealtimeClient.Event timing = client.await("parley.response.timing", 10_000);
            if (!measured) {
                return; // p.finished is joined below (finally)
            }
            if (splits == splitsBefore && heard.size() == 1) {
                wer.add(said.get(fixture), heard.get(0));
                heardByFixture.add(Map.entry(fixture, heard.get(0)));
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
            ctx.note("  " + label + (measured ? "" : " warm-up turn") + " (" + fixture + ") failed: "
                    + e.getMessage());
        } finally {
            p.finished.join();
        }
    }
}
