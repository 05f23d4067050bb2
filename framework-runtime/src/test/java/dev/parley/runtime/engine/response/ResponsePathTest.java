package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.ResponseTiming.Stage;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Order, alignment, modes and limits of the response path, with scripted LLM and TTS. */
class ResponsePathTest {
    static final String ANSWER = "Sure, I can help with that. The first step is easy. Then we finish up nicely.";
    static final int CLAUSES = 4; // "Sure," + three sentences
    final ResponseHarness h = new ResponseHarness();

    static short[] samples(byte[] pcm16) {
        return WireCodec.decode(WireFormat.PCM16_24K, pcm16);
    }

    @Test
    void clausesComeOutInOrderWhileTheNextIsSynthesizedEarly() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.log = new ConcurrentLinkedQueue<>();
        CountDownLatch firstClauseGate = new CountDownLatch(1);
        tts.gates.put(0, firstClauseGate);
        // Clause 0 may only speak once clause 1's synthesis has started (and possibly finished): this proves the
        // overlap and makes clause 1's audio wait behind clause 0's.
        Thread.ofVirtual().start(() -> {
            try {
                ResponseHarness.await(() -> tts.calls.get() >= 2, () -> "clause 1 synthesis");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            firstClauseGate.countDown();
        });
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());

        assertEquals("completed", l.last().kind(), l.events.toString());
        assertEquals(ANSWER, l.text());
        assertEquals(CLAUSES, tts.calls.get());
        assertEquals(List.of("Sure,", "I can help with that.", "The first step is easy.", "Then we finish up nicely."),
                new ArrayList<>(tts.texts));
        short[] out = samples(l.audio());
        assertEquals(CLAUSES * 3 * 480, out.length);
        for (int i = 1; i < out.length; i++) {
            assertTrue(out[i] >= out[i - 1], "clause audio out of order at sample " + i);
        }
        for (int k = 0; k < CLAUSES; k++) {
            short v = ScriptedTts.value(k);
            assertEquals(3 * 480, java.util.stream.IntStream.range(0, out.length).filter(i -> out[i] == v).count());
        }
    }

    @Test
    void eachClauseTranscriptIsReleasedRightBeforeItsAudio() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 4, 500); // chunk sizes that do not divide the delta size
        tts.delayMsPerChunk.put(0, 2L);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());

        int clause = -1;
        short maxSoFar = 0;
        List<RecordingListener.Event> ev = l.events;
        for (int i = 0; i < ev.size(); i++) {
            RecordingListener.Event e = ev.get(i);
            if (e.kind().equals("text")) {
                clause++;
                assertTrue(maxSoFar < ScriptedTts.value(clause), "text of clause " + clause + " after its audio");
                RecordingListener.Event next = ev.get(i + 1);
                assertEquals("audio", next.kind(), "audio must follow the transcript of clause " + clause);
                boolean holdsClause = false;
                for (short s : samples(next.audio())) {
                    holdsClause |= s == ScriptedTts.value(clause);
                }
                assertTrue(holdsClause, "the delta after text " + clause + " must hold that clause's first audio");
            } else if (e.kind().equals("audio")) {
                for (short s : samples(e.audio())) {
                    maxSoFar = (short) Math.max(maxSoFar, s);
                }
                assertTrue(maxSoFar <= ScriptedTts.value(clause), "audio of a clause before its transcript");
            }
        }
        assertEquals(CLAUSES - 1, clause);
    }

    @Test
    void audioDeltasAreTwentyToOneHundredMilliseconds() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 5, 1234);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        List<RecordingListener.Event> audio = l.events.stream().filter(e -> e.kind().equals("audio")).toList();
        for (int i = 0; i < audio.size() - 1; i++) { // only the last may be shorter
            long ms = Long.parseLong(audio.get(i).text());
            assertTrue(ms >= 20 && ms <= 100, "delta " + i + " is " + ms + " ms");
        }
        assertEquals(20, Long.parseLong(audio.get(0).text()), "first delta is the short one");
    }

    @Test
    void theFirstDeltaLeavesWithTheFirstTtsChunkEvenWhenItIsShort() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 5, 456); // 19 ms chunks, shorter than the 20 ms first delta
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        List<RecordingListener.Event> audio = l.events.stream().filter(e -> e.kind().equals("audio")).toList();
        assertEquals(19, Long.parseLong(audio.get(0).text()), "the first chunk is not held for the second");
        for (int i = 1; i < audio.size() - 1; i++) {
            assertEquals(60, Long.parseLong(audio.get(i).text()), "then steady deltas");
        }
    }

    @Test
    void ttsAudioIsResampledAndEncodedToTheOutputFormat() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Hello there. Bye now.", FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(48000, 4, 4800); // MaryTTS-like 48 kHz, 100 ms chunks
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, h.spec(true, null, WireFormat.PCMU), ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        byte[] ulaw = l.audio();
        assertEquals(2 * 4 * 4800 / 6, ulaw.length, 2, "48 kHz → 8 kHz μ-law, one byte a sample");
        short[] pcm = WireCodec.decode(WireFormat.PCMU, ulaw);
        assertEquals(1000, pcm[pcm.length / 4], 40, "a steady clause-1 level survives resampling and μ-law");
    }

    @Test
    void textOnlyResponsesPassLlmDeltasStraightThrough() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 1, 100);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, false, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        assertEquals(ANSWER, l.text());
        assertEquals(ANSWER.split(" ").length, l.count("text"), "one text delta per LLM delta");
        assertEquals(0, tts.calls.get());
        assertEquals(0, l.count("audio"));
    }

    @Test
    void maxOutputTokensReachesTheModelAndLengthIsReported() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("One two three", FinishReason.LENGTH));
        RecordingListener l = new RecordingListener();
        h.start(llm, new ScriptedTts(24000, 1, 480), true, h.spec(true, 3, WireFormat.PCM16_24K),
                ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        assertEquals(3, llm.requests.peek().maxOutputTokens());
        assertEquals("completed", l.last().kind());
        assertTrue(l.last().text().startsWith("LENGTH"));
        assertEquals("One two three", l.text());
    }

    @Test
    void toolCallsFollowTheSpokenTextAndAreNeverSpoken() throws Exception {
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
        List<ScriptedLlm.Step> script = new ArrayList<>(List.of(new ScriptedLlm.Text("Let me check. "),
                new ScriptedLlm.Tool(0, call), new ScriptedLlm.Done(FinishReason.TOOL_CALLS)));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.delayMsPerChunk.put(0, 3L); // speech still streaming when the call arrives
        RecordingListener l = new RecordingListener();
        h.start(new ScriptedLlm(script), tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        assertEquals(1, tts.calls.get(), "only the text was synthesized");
        int lastAudio = -1;
        int firstTool = -1;
        for (int i = 0; i < l.events.size(); i++) {
            String k = l.events.get(i).kind();
            if (k.equals("audio")) {
                lastAudio = i;
            }
            if (k.startsWith("tool") && firstTool < 0) {
                firstTool = i;
            }
        }
        assertTrue(firstTool > lastAudio, l.events.toString());
        assertEquals(1, l.count("toolDelta"));
        assertEquals(1, l.count("tool"));
        assertTrue(l.last().text().startsWith("TOOL_CALLS"));
    }

    @Test
    void toolCallWithoutTextIsForwardedAtOnce() throws Exception {
        ToolCall call = new ToolCall("call_2", "lookup", "{}");
        CountDownLatch hold = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Tool(0, call), new ScriptedLlm.Gate(hold),
                new ScriptedLlm.Done(FinishReason.TOOL_CALLS)));
        RecordingListener l = new RecordingListener();
        CountDownLatch toolSeen = new CountDownLatch(1);
        l.onEvent = e -> {
            if (e.kind().equals("tool")) {
                toolSeen.countDown();
            }
        };
        h.start(llm, new ScriptedTts(24000, 1, 480), true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(toolSeen.await(20, java.util.concurrent.TimeUnit.SECONDS), "tool call delivered before the end");
        hold.countDown();
        assertTrue(l.awaitTerminal());
    }

    @Test
    void turnBasedModeProducesTheSameOutputStageByStage() throws Exception {
        ToolCall call = new ToolCall("call_3", "note", "{\"x\":1}");
        List<ScriptedLlm.Step> script = new ArrayList<>(ScriptedLlm.words(ANSWER, FinishReason.STOP));
        script.add(script.size() - 1, new ScriptedLlm.Tool(0, call));

        RecordingListener overlapped = new RecordingListener();
        new ResponseHarness().start(new ScriptedLlm(script), new ScriptedTts(24000, 3, 500), true, true,
                ResponseSettings.DEFAULTS, overlapped);
        assertTrue(overlapped.awaitTerminal());

        ScriptedLlm llm = new ScriptedLlm(script);
        ScriptedTts tts = new ScriptedTts(24000, 3, 500);
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        llm.log = log;
        tts.log = log;
        RecordingListener turnBased = new RecordingListener();
        h.start(llm, tts, false, true, ResponseSettings.DEFAULTS, turnBased);
        assertTrue(turnBased.awaitTerminal());

        assertEquals(overlapped.text(), turnBased.text());
        assertArrayEquals(overlapped.audio(), turnBased.audio());
        assertEquals(overlapped.events.stream().filter(e -> e.kind().startsWith("tool")).map(e -> e.text()).toList(),
                turnBased.events.stream().filter(e -> e.kind().startsWith("tool")).map(e -> e.text()).toList());
        List<String> order = new ArrayList<>(log);
        int llmDone = order.indexOf("llm:done");
        assertTrue(order.subList(0, llmDone).stream().noneMatch(s -> s.startsWith("tts")), "TTS before LLM end: " + order);
        for (int k = 1; k < CLAUSES; k++) {
            assertTrue(order.indexOf("tts:start:" + k) > order.indexOf("tts:done:" + (k - 1)), "overlap in " + order);
        }
    }

    @Test
    void stageMarksAreRecordedInPipelineOrder() throws Exception {
        RecordingListener l = new RecordingListener();
        h.start(new ScriptedLlm(ScriptedLlm.words(ANSWER, FinishReason.STOP)), new ScriptedTts(24000, 2, 480), true,
                true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        Stage[] stages = {Stage.LLM_REQUEST, Stage.LLM_FIRST_TOKEN, Stage.FIRST_CLAUSE, Stage.TTS_FIRST_AUDIO};
        for (int i = 0; i < stages.length; i++) {
            assertNotNull(h.timing.at(stages[i]), stages[i] + " missing");
            if (i > 0) {
                assertTrue(h.timing.at(stages[i]) >= h.timing.at(stages[i - 1]), stages[i] + " before " + stages[i - 1]);
            }
        }
    }
}
