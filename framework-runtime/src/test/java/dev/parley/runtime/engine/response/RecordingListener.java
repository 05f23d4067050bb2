package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.engine.ResponseListener;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Test listener: records every call in order (as strings and payloads) and signals the terminal event. */
final class RecordingListener implements ResponseListener {
    record Event(String kind, String text, byte[] audio) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final CountDownLatch terminal = new CountDownLatch(1);
    volatile Consumer<Event> onEvent = e -> { };

    private void add(Event e) {
        events.add(e);
        onEvent.accept(e);
    }

    @Override
    public void textDelta(String delta) {
        add(new Event("text", delta, null));
    }

    @Override
    public void audioDelta(byte[] wireAudio, long durationMs) {
        add(new Event("audio", String.valueOf(durationMs), wireAudio));
    }

    @Override
    public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        add(new Event("toolDelta", index + ":" + callId + ":" + name + ":" + argumentsDelta, null));
    }

    @Override
    public void toolCall(int index, ToolCall call) {
        add(new Event("tool", index + ":" + call, null));
    }

    @Override
    public void completed(FinishReason reason, TokenUsage usage) {
        add(new Event("completed", reason + ":" + usage.outputTokens(), null));
        terminal.countDown();
    }

    @Override
    public void failed(String code, String message) {
        add(new Event("failed", code + ":" + message, null));
        terminal.countDown();
    }

    void mark(String marker) {
        events.add(new Event(marker, "", null));
    }

    boolean awaitTerminal() throws InterruptedException {
        return terminal.await(20, TimeUnit.SECONDS);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        events.stream().filter(e -> e.kind().equals("text")).forEach(e -> sb.append(e.text()));
        return sb.toString();
    }

    byte[] audio() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.stream().filter(e -> e.kind().equals("audio")).forEach(e -> out.writeBytes(e.audio()));
        return out.toByteArray();
    }

    long count(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

    Event last() {
        return events.get(events.size() - 1);
    }
}
