package dev.parley.tck;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Starts one generation and records what its listener got, with the rules each callback breaks. */
final class LlmRecorder implements LlmListener {
    private final CallbackLog log = new CallbackLog();
    private final ToolCalls toolCalls = new ToolCalls();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private LlmStream stream;

    static LlmRecorder start(LlmEngine engine, LlmRequest request) {
        LlmRecorder r = new LlmRecorder();
        r.stream = Calls.quick("stream()", () -> engine.stream(request, r));
        assertNotNull(r.stream, "stream() returned null");
        return r;
    }

    CallbackLog log() {
        return log;
    }

    LlmStream stream() {
        return stream;
    }

    ToolCalls toolCalls() {
        return toolCalls;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Waits for onComplete or onError. */
    CallbackLog.Entry awaitEnd() {
        CallbackLog.Entry end = log.await(e -> e.name().equals("complete") || e.name().equals("error"),
                TckBounds.ANSWER_MS);
        assertNotNull(end, "neither onComplete nor onError within " + TckBounds.ANSWER_MS + " ms: " + log.names());
        return end;
    }

    @Override
    public void onTextDelta(String delta) {
        log.record("text", delta);
        if (delta == null) {
            problems.add("onTextDelta(null)");
        }
        afterEnd("onTextDelta");
    }

    @Override
    public void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
        log.record("tool-delta", index + " " + name);
        toolCalls.delta(index, callId, name, argumentsDelta);
        afterEnd("onToolCallDelta");
    }

    @Override
    public void onToolCall(int index, ToolCall call) {
        log.record("tool-call", index + " " + (call == null ? null : call.name()));
        toolCalls.call(index, call);
        afterEnd("onToolCall");
    }

    @Override
    public void onComplete(FinishReason reason, TokenUsage usage) {
        afterEnd("onComplete");
        log.record("complete", String.valueOf(reason));
        if (reason == null) {
            problems.add("onComplete with a null reason");
        }
        if (usage == null) {
            problems.add("onComplete with a null usage (use TokenUsage.UNKNOWN)");
        }
    }

    @Override
    public void onError(LlmException error) {
        afterEnd("onError");
        log.record("error", LlmTck.describeError(error));
        if (error == null || error.kind() == null || error.getMessage() == null || error.getMessage().isBlank()) {
            problems.add("onError must carry an LlmException with a kind and a message, got "
                    + LlmTck.describeError(error));
        }
    }

    private void afterEnd(String what) {
        if (log.count("complete") + log.count("error") > 0) {
            problems.add(what + " after the generation ended");
        }
    }
}
