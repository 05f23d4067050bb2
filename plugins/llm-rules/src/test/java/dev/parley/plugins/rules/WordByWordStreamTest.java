package dev.parley.plugins.rules;

import dev.parley.testkit.RecordingLlmListener;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming mechanics of the responder: word-by-word pacing, length limit, cancel. */
class WordByWordStreamTest {
    private static final Duration DELAY = Duration.ofMillis(5);

    private static LlmRequest story(Integer maxOutputTokens) {
        return new LlmRequest("", List.of(new ChatMessage.User("Tell me a story")), List.of(), null, null,
                maxOutputTokens);
    }

    @Test
    void streamsWordByWordAFewMillisecondsApart() throws Exception {
        RuleBasedResponder responder = new RuleBasedResponder(new RulesConfig(DELAY, ZoneId.of("UTC")));
        RecordingLlmListener l = new RecordingLlmListener();
        long start = System.nanoTime();
        LlmStream stream = responder.stream(story(null), l);
        l.await();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        String text = l.text();
        assertEquals(WordByWordStream.countWords(text), l.deltas.size(), "one delta per word");
        assertTrue(l.deltas.size() > 20);
        // A lower bound only (sleeps never end early), so it cannot flake on a loaded machine.
        assertTrue(elapsedMs >= DELAY.toMillis() * l.deltas.size(), "paced: " + elapsedMs + " ms");
        assertEquals(FinishReason.STOP, l.reason);
        assertEquals(l.deltas.size(), l.usage.outputTokens());
        assertEquals(4, l.usage.inputTokens()); // "Tell me a story"
        stream.cancel(); // after completion: harmless
    }

    @Test
    void stopsAtMaxOutputTokensCountingWords() throws Exception {
        RuleBasedResponder responder = new RuleBasedResponder(new RulesConfig(Duration.ZERO, ZoneId.of("UTC")));
        RecordingLlmListener l = new RecordingLlmListener();
        responder.stream(story(5), l);
        l.await();
        assertEquals(5, l.deltas.size());
        assertEquals(FinishReason.LENGTH, l.reason);
        assertEquals(5, l.usage.outputTokens());
    }

    @Test
    void cancelStopsTheStreamAndNothingFollows() throws Exception {
        RuleBasedResponder responder = new RuleBasedResponder(new RulesConfig(Duration.ofMillis(20),
                ZoneId.of("UTC")));
        CountDownLatch threeWords = new CountDownLatch(3);
        RecordingLlmListener l = new RecordingLlmListener() {
            @Override
            public void onTextDelta(String delta) {
                super.onTextDelta(delta);
                threeWords.countDown();
            }
        };
        LlmStream stream = responder.stream(story(null), l);
        assertTrue(threeWords.await(5, TimeUnit.SECONDS));
        stream.cancel();
        int atCancel = l.events.size();
        Thread.sleep(200); // ten word slots: any leak would show
        assertEquals(atCancel, l.events.size(), "no callback after cancel: " + l.events);
        assertNull(l.reason);
        assertNull(l.error);
    }

    @Test
    void deltasConcatenateToTheExactText() {
        String text = "Once upon  a time,\nthere was a fox. ";
        assertEquals(text, String.join("", WordByWordStream.words(text)));
        assertEquals(List.of("Once ", "upon  ", "a ", "time,\n", "there ", "was ", "a ", "fox. "),
                WordByWordStream.words(text));
    }
}
