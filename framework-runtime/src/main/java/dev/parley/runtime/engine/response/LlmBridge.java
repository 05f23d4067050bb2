package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.engine.HeldGeneration;
import dev.parley.runtime.engine.SessionActor;
import java.util.Locale;

/** Receives the LLM's callbacks on its thread and replays them on the actor, unless the run is over by then. */
final class LlmBridge implements LlmListener {
    /** What the model's stream reports to its run, on the actor. */
    interface Run extends HeldGeneration.Continuation {
        void toolCallDelta(int index, String callId, String name, String argumentsDelta);

        void toolCall(int index, ToolCall call);

        /** True once the response completed, failed or was cancelled. */
        boolean isOver();
    }

    private final SessionActor actor;
    private final Run run;

    LlmBridge(SessionActor actor, Run run) {
        this.actor = actor;
        this.run = run;
    }

    @Override
    public void onTextDelta(String delta) {
        post(() -> run.text(delta));
    }

    @Override
    public void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
        post(() -> run.toolCallDelta(index, callId, name, argumentsDelta));
    }

    @Override
    public void onToolCall(int index, ToolCall call) {
        post(() -> run.toolCall(index, call));
    }

    @Override
    public void onComplete(FinishReason reason, TokenUsage tokenUsage) {
        post(() -> run.complete(reason, tokenUsage));
    }

    @Override
    public void onError(LlmException error) {
        String kind = error.kind() == null ? "error" : error.kind().name().toLowerCase(Locale.ROOT);
        post(() -> run.failed("llm_" + kind, describe(error)));
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void post(Runnable r) {
        if (!run.isOver()) {
            actor.execute(() -> {
                if (!run.isOver()) {
                    r.run();
                }
            });
        }
    }
}
