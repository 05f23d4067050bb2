package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.engine.ResponseListener;

/**
 * How the language model's output ended, and how that ending becomes the response's end: a normal finish is
 * delivered as {@link ResponseListener#completed}, a stall (the model cut off by {@link LlmDeadline}) as
 * {@link ResponseListener#modelStalled}. Failures are reported by the run itself; here they only mark the model
 * as done. Used on the session actor only.
 */
final class ModelOutcome {
    /** Where the model's stream is; the only record of it. */
    enum State { STREAMING, FINISHED, STALLED, FAILED }

    private State state = State.STREAMING;
    private FinishReason finishReason;
    private TokenUsage usage;

    State state() {
        return state;
    }

    /** The model sends nothing more (it finished, stalled or failed). */
    boolean done() {
        return state != State.STREAMING;
    }

    /** The model was cut off after a stall: its later words and its own ending are ignored. */
    boolean stalled() {
        return state == State.STALLED;
    }

    /** The model finished with {@code reason}; a {@code null} usage becomes {@link TokenUsage#UNKNOWN}. */
    void finished(FinishReason reason, TokenUsage tokenUsage) {
        state = State.FINISHED;
        record(reason, tokenUsage);
    }

    /** The model was cut off: what it said so far is the answer, which ends as incomplete. */
    void stall() {
        state = State.STALLED;
        record(FinishReason.STOP, usage);
    }

    void failed() {
        state = State.FAILED;
    }

    FinishReason finishReason() {
        return finishReason;
    }

    TokenUsage usage() {
        return usage;
    }

    /** Tells {@code listener} how the response ended, once everything before the ending has been delivered. */
    void deliver(ResponseListener listener) {
        if (state == State.STALLED) {
            listener.modelStalled(usage);
        } else {
            listener.completed(finishReason, usage);
        }
    }

    private void record(FinishReason reason, TokenUsage tokenUsage) {
        finishReason = reason;
        usage = tokenUsage == null ? TokenUsage.UNKNOWN : tokenUsage;
    }
}
