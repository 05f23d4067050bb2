package dev.parley.plugins.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.stt.SttListener;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.VoiceSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchComponentsTest {
    @Test
    void vadGatesOnPeakLevel() {
        var vad = new BenchVadProvider().create(ComponentConfig.empty()).open();
        assertEquals(0f, vad.speechProbability(new short[320]));
        short[] loud = new short[320];
        loud[100] = -1500;
        assertEquals(1f, vad.speechProbability(loud));
    }

    @Test
    void sttReportsTheConfiguredTranscript() {
        StringBuilder got = new StringBuilder();
        var stt = new BenchSttProvider().create(new ComponentConfig(Map.of("transcript", "hello there"), "test"));
        var stream = stt.open(new SttListener() {
            public void onPartial(String text) { }
            public void onFinal(String text) { got.append(text); }
            public void onError(Throwable error) { }
        });
        stream.accept(new AudioChunk(new short[160], 16000));
        stream.endUtterance();
        assertEquals("hello there", got.toString());
    }

    @Test
    void llmStreamsEveryWordThenCompletes() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        StringBuilder text = new StringBuilder();
        new BenchLlmProvider().create(ComponentConfig.empty()).stream(
                new LlmRequest("", List.of(), List.of(), null, null, null), new LlmListener() {
                    public void onTextDelta(String delta) { text.append(delta); }
                    public void onToolCall(int index, ToolCall call) { }
                    public void onComplete(FinishReason reason, TokenUsage usage) { done.countDown(); }
                    public void onError(LlmException error) { }
                });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(BenchConfig.DEFAULT_REPLY, text.toString());
    }

    @Test
    void ttsEmitsAudioProportionalToText() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger samples = new AtomicInteger();
        var tts = new BenchTtsProvider().create(ComponentConfig.empty());
        tts.synthesize("0123456789", VoiceSettings.DEFAULT, new TtsListener() {
            public void onAudio(AudioChunk chunk) { samples.addAndGet(chunk.samples().length); }
            public void onDone() { done.countDown(); }
            public void onError(Throwable error) { }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        // 10 characters x 60 ms = 600 ms, emitted in whole 40 ms chunks
        assertEquals(600 * 24, samples.get());
    }
}
