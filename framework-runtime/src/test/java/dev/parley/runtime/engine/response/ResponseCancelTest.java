package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancel at several moments. The scripted LLM and TTS ignore cancellation and keep emitting, so the test proves
 * the runtime itself drops everything after {@code cancel()}, and that every component stream was told to stop.
 */
class ResponseCancelTest {
    final ResponseHarness h = new ResponseHarness();

    static List<ScriptedLlm.Step> gatedAnswer(CountDownLatch gate) {
        List<ScriptedLlm.Step> s = new ArrayList<>(ScriptedLlm.words("Hello there, how are", FinishReason.STOP));
        s.remove(s.size() - 1);
        s.add(new ScriptedLlm.Gate(gate));
        s.addAll(ScriptedLlm.words(" you today? I hope well.", FinishReason.STOP));
        return s;
    }

    private void awaitQuiet(ScriptedLlm llm, ScriptedTts tts) throws InterruptedException {
        assertTrue(llm.scriptEnded.await(20, TimeUnit.SECONDS));
        ResponseHarness.await(() -> tts.running.get() == 0, () -> "TTS threads still running");
        h.drain();
    }

    private static void assertNothingAfterCancel(RecordingListener l) {
        assertEquals("CANCEL", l.last().kind(), "events after cancel: " + l.events);
    }

    private static void assertStartedSynthesesCancelled(ScriptedTts tts, int from) {
        for (int k = from; k < tts.calls.get(); k++) {
            assertTrue(tts.cancelled.get(k).get(), "synthesis " + k + " not cancelled");
        }
    }

    @Test
    void cancelWhileTheLlmIsStillWriting() throws Exception {
        CountDownLatch llmGate = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(gatedAnswer(llmGate));
        llm.ignoreCancel = true;
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.ignoreCancel = true;
        CountDownLatch ttsGate = new CountDownLatch(1);
        tts.gates.put(0, ttsGate);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        // the first clause reached TTS; the LLM waits at its gate
        ResponseHarness.await(() -> tts.calls.get() >= 1, () -> "first clause " + l.events);
        h.cancelOnActor(l);
        llmGate.countDown();
        ttsGate.countDown();
        awaitQuiet(llm, tts);

        assertNothingAfterCancel(l);
        assertTrue(llm.cancelled.get());
        assertStartedSynthesesCancelled(tts, 0);
        assertEquals(1, tts.calls.get(), "no clause reached TTS after cancel");
    }

    @Test
    void cancelWhileTheFirstClauseIsSpeaking() throws Exception {
        CountDownLatch llmGate = new CountDownLatch(1);
        CountDownLatch handleKnown = new CountDownLatch(1); // the listener below needs h.handle
        List<ScriptedLlm.Step> script = new ArrayList<>(gatedAnswer(llmGate));
        script.add(0, new ScriptedLlm.Gate(handleKnown));
        ScriptedLlm llm = new ScriptedLlm(script);
        llm.ignoreCancel = true;
        ScriptedTts tts = new ScriptedTts(24000, 4, 480);
        tts.ignoreCancel = true;
        CountDownLatch midClause = new CountDownLatch(1);
        tts.pauseAfterFirstChunk.put(0, midClause);
        RecordingListener l = new RecordingListener();
        l.onEvent = e -> { // runs on the actor, as a barge-in does
            if (e.kind().equals("audio") && h.handle != null) {
                l.mark("CANCEL");
                h.handle.cancel();
            }
        };
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        handleKnown.countDown();
        ResponseHarness.await(() -> l.count("CANCEL") > 0, () -> "first audio " + l.events);
        midClause.countDown();
        llmGate.countDown();
        awaitQuiet(llm, tts);

        assertNothingAfterCancel(l);
        assertEquals(1, l.count("audio"));
        assertTrue(llm.cancelled.get());
        assertStartedSynthesesCancelled(tts, 0);
    }

    @Test
    void cancelBetweenClauses() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Okay. This is the second sentence. And a third one.",
                FinishReason.STOP));
        llm.ignoreCancel = true;
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.ignoreCancel = true;
        tts.log = new ConcurrentLinkedQueue<>();
        CountDownLatch secondClause = new CountDownLatch(1);
        tts.gates.put(1, secondClause);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        ResponseHarness.await(() -> tts.log.contains("tts:done:0"), () -> "clause 0 " + tts.log);
        h.drain(); // clause 0 is fully handled; clause 1 has not spoken
        h.cancelOnActor(l);
        secondClause.countDown();
        awaitQuiet(llm, tts);

        assertNothingAfterCancel(l);
        assertTrue(l.count("audio") >= 1, "clause 0 was heard");
        assertTrue(llm.cancelled.get());
        assertStartedSynthesesCancelled(tts, 1);
    }

    @Test
    void cancelBeforeTheLlmStartsDeliversNothing() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Hi.", FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 1, 480);
        RecordingListener l = new RecordingListener();
        CountDownLatch started = new CountDownLatch(1);
        h.actor.execute(() -> {
            h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
            l.mark("CANCEL");
            h.handle.cancel(); // same actor task: the LLM request is still queued behind us
            started.countDown();
        });
        started.await(20, TimeUnit.SECONDS);
        h.drain();
        assertNothingAfterCancel(l);
        assertEquals(0, llm.requests.size(), "the LLM was never asked");
    }
}
