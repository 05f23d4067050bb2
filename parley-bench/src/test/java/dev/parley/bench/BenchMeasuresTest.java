package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the bench's tables: percentiles, the overhead split, event types, chunking. */
class BenchMeasuresTest {
    @Test
    void percentilesByNearestRank() {
        Samples s = new Samples();
        for (int i = 1; i <= 20; i++) {
            s.add(i);
        }
        s.add(Double.NaN); // missing stages are not samples
        assertEquals(20, s.count());
        assertEquals(10, s.p50());
        assertEquals(18, s.p90());
        assertEquals(20, s.p99());
        assertTrue(Double.isNaN(new Samples().p50()));
    }

    @Test
    void overheadIsTheServerPartMinusComponentStages() throws Exception {
        var timing = new ObjectMapper().readTree("""
                {"stages_ms": {"speech_end": 0, "turn_decided": 200, "stt_final": 250, "llm_request": 251,
                 "llm_first_token": 261, "first_clause": 271, "tts_first_audio": 291, "first_delta_sent": 293}}""");
        StageBreakdown b = StageBreakdown.of(timing);
        assertEquals(200, b.speechEndToTurn());
        assertEquals(50, b.stt());
        assertEquals(1, b.sttToLlm());
        assertEquals(10, b.llmFirstToken());
        assertEquals(10, b.clause());
        assertEquals(20, b.tts());
        assertEquals(2, b.ttsToDelta());
        assertEquals(93, b.server());
        assertEquals(3, b.overhead(), 1e-9, "the two framework gaps: 1 + 2 ms");
    }

    @Test
    void eventTypeIsReadFromTheHeadOfTheFirstFragment() {
        assertEquals("response.output_audio.delta",
                RealtimeClient.typeOf("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e1\",\"delta\":\"AAAA"));
        assertNull(RealtimeClient.typeOf("{\"ty"));
    }

    @Test
    void tracksAreCutIntoChunksWithSpeechOnAChunkBoundary() {
        short[] speech = AudioTrack.tone(1000);
        AudioTrack t = AudioTrack.of(speech, 300, 500, 20);
        assertEquals(90, t.chunks(), "300 + 1000 + 500 ms in 20 ms chunks");
        assertEquals(15, t.firstSpeech());
        assertEquals(64, t.lastSpeech());
        assertTrue(t.appends()[0].startsWith("{\"type\":\"input_audio_buffer.append\",\"audio\":\""));
    }

    @Test
    void wordErrorRateCountsSubstitutionsInsertionsAndDeletionsPerSaidWord() {
        WordErrors w = new WordErrors();
        w.add("what is the weather like today", "what is the weather like today");
        w.add("tell me a joke about computers", "tell me joke about the computer");
        assertEquals(2, w.utterances());
        // second: "a" deleted, "the" inserted, "computers" -> "computer": 3 errors over 12 said words
        assertEquals(25.0, w.percent(), 1e-9);
    }
}
