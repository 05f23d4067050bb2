package dev.parley.runtime.builtin.llm;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test listener: records every callback in order and lets a test wait for the end of the stream. */
class RecordingListener implements LlmListener {
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
    final List<String> argumentFragments = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    volatile FinishReason reason;
    volatile TokenUsage usage;
    volatile LlmException error;

    @Override
    public void onTextDelta(String delta) {
        deltas.add(delta);
        events.add("text");
    }

    @Override
    public void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
        argumentFragments.add(argumentsDelta);
        events.add("toolDelta:" + index + ":" + name);
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

    String text() {
        return String.join("", deltas);
    }

    RecordingListener await() throws InterruptedException {
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("stream did not finish within 10 s; events so far: " + events);
        }
        return this;
    }
}
