package dev.parley.plugins.rules;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a {@link Reply} to a listener on its own virtual thread: text one word (with its trailing space) per
 * delta, tool calls as a few argument fragments, {@code wordDelay} apart. Words count as tokens: after
 * {@code maxOutputTokens} words it stops with {@link FinishReason#LENGTH}. {@link #cancel()} stops it at once; no
 * callback starts after cancel returns (callbacks and cancel share one lock).
 */
final class WordByWordStream implements LlmStream {
    private static final Logger LOG = LoggerFactory.getLogger(WordByWordStream.class);

    private final Reply reply;
    private final LlmListener listener;
    private final Duration wordDelay;
    private final Integer maxOutputTokens;
    private final int inputTokens;
    private final Object gate = new Object();
    private final Thread thread;
    private boolean cancelled;

    WordByWordStream(Reply reply, LlmListener listener, Duration wordDelay, Integer maxOutputTokens,
                     int inputTokens) {
        this.reply = reply;
        this.listener = listener;
        this.wordDelay = wordDelay;
        this.maxOutputTokens = maxOutputTokens;
        this.inputTokens = inputTokens;
        this.thread = Thread.ofVirtual().name("rules-responder").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    @Override
    public void cancel() {
        synchronized (gate) {
            cancelled = true;
        }
        thread.interrupt();
    }

    private void run() {
        try {
            switch (reply) {
                case Reply.Text text -> streamText(text.text());
                case Reply.ToolCalls tools -> streamToolCalls(tools.calls());
            }
        } catch (InterruptedException e) {
            // cancelled: nothing more to report
        } catch (RuntimeException e) {
            LOG.warn("rule-based responder failed: {}", e.toString());
            emit(l -> l.onError(new LlmException(LlmException.Kind.OTHER,
                    "The rule-based responder failed: " + e.getMessage(), e)));
        }
    }

    private void streamText(String text) throws InterruptedException {
        List<String> words = words(text);
        int limit = maxOutputTokens == null ? Integer.MAX_VALUE : Math.max(0, maxOutputTokens);
        int sent = 0;
        for (String word : words) {
            if (sent == limit) {
                emit(l -> l.onComplete(FinishReason.LENGTH, new TokenUsage(inputTokens, limit)));
                return;
            }
            pause();
            if (!emit(l -> l.onTextDelta(word))) {
                return;
            }
            sent++;
        }
        int total = sent;
        emit(l -> l.onComplete(FinishReason.STOP, new TokenUsage(inputTokens, total)));
    }

    private void streamToolCalls(List<ToolCall> calls) throws InterruptedException {
        int tokens = 0;
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            ToolCall call = calls.get(i);
            String args = call.argumentsJson();
            int third = Math.max(1, args.length() / 3);
            for (int from = 0; from < args.length(); from += third) {
                String fragment = args.substring(from, Math.min(args.length(), from + third));
                pause();
                if (!emit(l -> l.onToolCallDelta(index, call.callId(), call.name(), fragment))) {
                    return;
                }
                tokens++;
            }
            if (!emit(l -> l.onToolCall(index, call))) {
                return;
            }
        }
        int total = tokens;
        emit(l -> l.onComplete(FinishReason.TOOL_CALLS, new TokenUsage(inputTokens, total)));
    }

    private void pause() throws InterruptedException {
        if (!wordDelay.isZero()) {
            Thread.sleep(wordDelay);
        }
    }

    /** Runs one callback unless cancelled; false once cancelled. A listener that throws ends the stream. */
    private boolean emit(Consumer<LlmListener> callback) {
        synchronized (gate) {
            if (cancelled) {
                return false;
            }
            try {
                callback.accept(listener);
                return true;
            } catch (RuntimeException e) {
                LOG.warn("LLM listener failed; stopping the rule-based responder's stream: {}", e.toString());
                cancelled = true;
                return false;
            }
        }
    }

    /** Splits after each run of whitespace, so the deltas concatenate back to exactly {@code text}. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            boolean boundary = i == text.length()
                    || Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
            if (boundary && i > start) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    /** Whitespace-separated word count: the responder's notion of a token. */
    static int countWords(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
