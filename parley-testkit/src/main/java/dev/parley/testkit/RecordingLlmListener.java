package dev.parley.testkit;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * LLM test listener: records callbacks in order ({@code text:<delta>}, {@code toolDelta:<index>},
 * {@code tool:<index>:<name>}, {@code complete:<reason>}, {@code error:<kind>} events) with their payloads; tests
 * wait for the end of the stream or for its first delta.
 */
public class RecordingLlmListener implements LlmListener {
    public final List<String> deltas = new CopyOnWriteArrayList<>();
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
    /** Each tool-call delta as {@code index:callId:name:argumentsDelta}. */
    public final List<String> toolDeltas = new CopyOnWriteArrayList<>();
    /** The arguments deltas alone, in order. */
    public final List<String> argumentFragments = new CopyOnWriteArrayList<>();
    public final CountDownLatch done = new CountDownLatch(1);
    public final CountDownLatch firstDelta = new CountDownLatch(1);
    public volatile long firstDeltaNanos;
    public volatile FinishReason reason;
    public volatile TokenUsage usage;
    public volatile LlmException error;

    @Override
    public void onTextDelta(String delta) {
        if (deltas.isEmpty()) {
            firstDeltaNanos = System.nanoTime();
        }
        deltas.add(delta);
        events.add("text:" + delta);
        firstDelta.countDown();
    }

    @Override
    public void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
        toolDeltas.add(index + ":" + callId + ":" + name + ":" + argumentsDelta);
        argumentFragments.add(argumentsDelta);
        events.add("toolDelta:" + index);
    }

    @Override
    public void onToolCall(int index, ToolCall call) {
        toolCalls.add(call);
        events.add("tool:" + index + ":" + call.name());
    }

    @Override
    public void onComplete(FinishReason reason, TokenUsage usage) {
        this.reason = reason;
        this.usage = usage;
        events.add("complete:" + reason);
        done.countDown();
    }

    @Override
    public void onError(LlmException error) {
        this.error = error;
        events.add("error:" + error.kind());
        done.countDown();
    }

    public String text() {
        return String.join("", deltas);
    }

    public RecordingLlmListener await() throws InterruptedException {
        if (!done.await(15, TimeUnit.SECONDS)) {
            throw new AssertionError("generation did not end within 15 s; events: " + events);
        }
        return this;
    }
}
