package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component failures end the response with a clear code, stop the other streams, and deliver nothing after. */
class ResponseFailureTest {
    final ResponseHarness h = new ResponseHarness();

    @Test
    void llmErrorFailsWithItsKind() throws Exception {
        List<ScriptedLlm.Step> script = new ArrayList<>(List.of(new ScriptedLlm.Text("Hello, "),
                new ScriptedLlm.Fail(LlmException.Kind.RATE_LIMITED, "Rate limit reached, retry later")));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.gates.put(0, new java.util.concurrent.CountDownLatch(1)); // the clause is still being synthesized
        RecordingListener l = new RecordingListener();
        h.start(new ScriptedLlm(script), tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        h.drain();
        assertEquals("failed", l.last().kind());
        assertEquals("llm_rate_limited:Rate limit reached, retry later", l.last().text());
        assertTrue(tts.cancelled.get(0).get(), "TTS stopped when the LLM failed");
    }

    @Test
    void llmThatThrowsOnStartFails() throws Exception {
        RecordingListener l = new RecordingListener();
        dev.parley.api.llm.LlmEngine broken = new dev.parley.api.llm.LlmEngine() {
            @Override
            public LlmStream stream(LlmRequest request, LlmListener listener) {
                throw new IllegalStateException("model not loaded");
            }
        };
        h.start(broken, new ScriptedTts(24000, 1, 480), true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        assertEquals("llm_error:The language model could not start: model not loaded", l.last().text());
    }

    @Test
    void ttsErrorFailsTheResponseAndStopsTheLlm() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        List<ScriptedLlm.Step> script = new ArrayList<>(ScriptedLlm.words("Fine. Then this. ", FinishReason.STOP));
        script.add(script.size() - 1, new ScriptedLlm.Gate(gate));
        ScriptedLlm llm = new ScriptedLlm(script);
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.failAt = 1;
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());
        gate.countDown();
        llm.scriptEnded.await(20, java.util.concurrent.TimeUnit.SECONDS);
        h.drain();
        assertEquals("failed", l.last().kind(), l.events.toString());
        assertTrue(l.last().text().startsWith("tts_error:Speech synthesis failed: voice model crashed"));
        assertTrue(llm.cancelled.get());
    }

    @Test
    void silentTtsTimesOut() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Hello there. More.", FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.hangAt = 0;
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, true, new ResponseSettings(200, 60, 20), l);
        assertTrue(l.awaitTerminal());
        h.drain();
        assertEquals("failed", l.last().kind());
        assertTrue(l.last().text().startsWith("tts_timeout:"), l.last().text());
        assertEquals(0, l.count("audio"));
        assertTrue(tts.allCancelled(tts.calls.get()));
    }

    @Test
    void theNextResponseWorksAfterAFailure() throws Exception {
        ScriptedTts tts = new ScriptedTts(24000, 2, 480);
        tts.failAt = 0;
        RecordingListener first = new RecordingListener();
        h.start(new ScriptedLlm(ScriptedLlm.words("One.", FinishReason.STOP)), tts, true, true,
                ResponseSettings.DEFAULTS, first);
        assertTrue(first.awaitTerminal());
        assertEquals("failed", first.last().kind());
        RecordingListener second = new RecordingListener();
        h.start(new ScriptedLlm(ScriptedLlm.words("Two.", FinishReason.STOP)), tts, true, true,
                ResponseSettings.DEFAULTS, second);
        assertTrue(second.awaitTerminal());
        assertEquals("completed", second.last().kind());
        assertEquals("Two.", second.text());
    }
}
