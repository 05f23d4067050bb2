package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.FinishReason;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseSpec#scriptedText()}: the given text goes through the same chunker → TTS → pacer path as LLM
 * text (clause by clause, transcript before its audio), the LLM is never asked, and cancel stops it like any
 * response.
 */
class ScriptedSpeechTest {
    static final String TEXT = "Five six seven eight. Nine ten, and that is all.";
    final ResponseHarness h = new ResponseHarness();

    private ResponseSpec scripted(String text) {
        ResponseSpec base = h.spec(true, null, WireFormat.PCM16_24K);
        return new ResponseSpec(base.responseId(), base.request(), true, base.voice(), base.outputFormat(),
                base.timing(), text);
    }

    @Test
    void speaksTheGivenTextClauseByClauseWithoutTheLlm() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("never said", FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        RecordingListener l = new RecordingListener();
        var handle = h.start(llm, tts, true, scripted(TEXT), ResponseSettings.DEFAULTS, l);
        assertTrue(l.awaitTerminal());

        assertEquals("completed", l.last().kind(), l.events.toString());
        assertEquals(TEXT, l.text());
        assertEquals(TEXT, handle.generatedText());
        assertTrue(llm.requests.isEmpty(), "the LLM was asked: " + llm.requests);
        List<String> clauses = new ArrayList<>(tts.texts);
        assertEquals(TEXT, String.join(" ", clauses));
        assertTrue(clauses.size() >= 2, "spoken as several clauses: " + clauses);
        int firstAudio = -1;
        int firstText = -1;
        for (int i = 0; i < l.events.size(); i++) {
            String kind = l.events.get(i).kind();
            if (kind.equals("audio") && firstAudio < 0) {
                firstAudio = i;
            }
            if (kind.equals("text") && firstText < 0) {
                firstText = i;
            }
        }
        assertTrue(firstText >= 0 && firstText < firstAudio, "transcript before its audio: " + l.events);
    }

    @Test
    void cancelStopsScriptedSpeech() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("never said", FinishReason.STOP));
        ScriptedTts tts = new ScriptedTts(24000, 3, 480);
        tts.ignoreCancel = true;
        CountDownLatch gate = new CountDownLatch(1);
        tts.gates.put(0, gate);
        RecordingListener l = new RecordingListener();
        h.start(llm, tts, true, scripted(TEXT), ResponseSettings.DEFAULTS, l);
        ResponseHarness.await(() -> tts.calls.get() >= 1, () -> "first clause " + l.events);
        h.cancelOnActor(l);
        gate.countDown();
        ResponseHarness.await(() -> tts.running.get() == 0, () -> "TTS threads still running");
        h.drain();

        assertEquals("CANCEL", l.last().kind(), "events after cancel: " + l.events);
        for (int k = 0; k < tts.calls.get(); k++) {
            assertTrue(tts.cancelled.get(k).get(), "synthesis " + k + " not cancelled");
        }
        assertTrue(llm.requests.isEmpty());
    }
}
