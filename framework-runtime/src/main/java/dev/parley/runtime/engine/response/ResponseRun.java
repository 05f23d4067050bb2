package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.TtsEngine;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.SessionActor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One response: LLM stream → {@link ClauseChunker} → {@link ClausePipeline} (TTS per clause) →
 * {@link AudioDeltaPacer} → listener; or LLM text straight to the listener for text-only responses. Every
 * state change runs on the session actor (component callbacks are posted there), so {@link #cancel()} — called
 * on the actor — guarantees that nothing more is delivered. Tool calls are forwarded once the speech before
 * them has been delivered, so the message and the call stay in order.
 */
final class ResponseRun implements ResponseHandle, ClausePipeline.Events {
    private final ResponseSpec spec;
    private final ResponseListener listener;
    private final SessionActor actor;
    private final LlmEngine llm;
    private final boolean overlap;
    private final ResponseOutput output;
    private final ClauseChunker chunker = new ClauseChunker();
    private final AudioDeltaPacer pacer;
    private final ClausePipeline clauses;
    private final StringBuilder turnBasedText;
    private final List<Runnable> heldToolEvents = new ArrayList<>(0);
    private final StringBuilder generated = new StringBuilder();
    private volatile boolean over;
    private LlmStream llmStream;
    private boolean llmDone;
    private boolean textSeen;
    private FinishReason finishReason;
    private TokenUsage usage;

    ResponseRun(ResponseSpec spec, ResponseListener listener, SessionActor actor, LlmEngine llm, TtsEngine tts,
                boolean overlap, TtsWatchdog watchdog, ResponseSettings settings) {
        this.spec = spec;
        this.listener = listener;
        this.actor = actor;
        this.overlap = overlap;
        this.output = new ResponseOutput(listener, !overlap);
        this.pacer = spec.audio()
                ? new AudioDeltaPacer(spec.outputFormat(), settings.audioDeltaMs(), settings.firstAudioDeltaMs(), output)
                : null;
        this.clauses = spec.audio()
                ? new ClausePipeline(tts, spec.voice(), spec.outputFormat(), overlap ? 1 : 0, actor, watchdog,
                        spec.timing(), this)
                : null;
        this.turnBasedText = overlap ? null : new StringBuilder();
        this.llm = llm;
    }

    /** Hands the request to the LLM, or feeds the scripted text through the same path (on the actor). */
    void start() {
        spec.timing().mark(ResponseTiming.Stage.LLM_REQUEST);
        if (spec.scriptedText() != null) {
            text(spec.scriptedText());
            llmComplete(FinishReason.STOP, TokenUsage.UNKNOWN);
            return;
        }
        try {
            llmStream = llm.stream(spec.request(), new Bridge());
        } catch (RuntimeException e) {
            fail("llm_error", "The language model could not start: " + describe(e));
        }
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }

    /** True once the response completed, failed or was cancelled. */
    boolean isOver() {
        return over;
    }

    @Override
    public void cancel() {
        over = true;
        LlmStream s = llmStream;
        if (s != null) {
            s.cancel();
        }
        if (clauses != null) {
            clauses.cancel();
        }
    }

    // --- LLM events, on the actor ---

    private void text(String delta) {
        spec.timing().mark(ResponseTiming.Stage.LLM_FIRST_TOKEN);
        textSeen = true;
        generated.append(delta);
        if (turnBasedText != null) {
            turnBasedText.append(delta);
        } else if (clauses == null) {
            output.text(delta);
        } else {
            for (String clause : chunker.push(delta)) {
                clauses.add(clause);
            }
        }
    }

    private void tool(Runnable event) {
        spec.timing().mark(ResponseTiming.Stage.LLM_FIRST_TOKEN);
        // Speech before the call must reach the client first (message item, then function_call item); the
        // turn-based mode holds everything until the end anyway.
        boolean speechBefore = clauses != null && textSeen;
        if (!overlap || speechBefore || !heldToolEvents.isEmpty()) {
            heldToolEvents.add(event);
        } else {
            event.run();
        }
    }

    private void llmComplete(FinishReason reason, TokenUsage tokenUsage) {
        llmDone = true;
        finishReason = reason;
        usage = tokenUsage == null ? TokenUsage.UNKNOWN : tokenUsage;
        if (turnBasedText != null) {
            String all = turnBasedText.toString();
            if (clauses == null) {
                if (!all.isEmpty()) {
                    output.text(all);
                }
            } else {
                for (String clause : chunker.push(all)) {
                    clauses.add(clause);
                }
            }
        }
        if (clauses == null) {
            complete();
            return;
        }
        String rest = chunker.flush();
        if (rest != null) {
            clauses.add(rest);
        }
        clauses.finish();
    }

    // --- clause pipeline events, on the actor ---

    @Override
    public void clauseText(String text) {
        pacer.text(text);
    }

    @Override
    public void audio(byte[] wire) {
        pacer.audio(wire);
    }

    @Override
    public void drained() {
        if (llmDone) {
            complete();
        }
    }

    @Override
    public void failed(String code, String message) {
        fail(code, message);
    }

    private void complete() {
        if (over) {
            return;
        }
        if (pacer != null) {
            pacer.flush();
        }
        for (Runnable r : heldToolEvents) {
            r.run();
        }
        heldToolEvents.clear();
        output.release();
        over = true;
        listener.completed(finishReason, usage);
    }

    private void fail(String code, String message) {
        if (over) {
            return;
        }
        cancel();
        listener.failed(code, message);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Receives the LLM's callbacks on its thread and replays them on the actor. */
    private final class Bridge implements LlmListener {
        @Override
        public void onTextDelta(String delta) {
            post(() -> text(delta));
        }

        @Override
        public void onToolCallDelta(int index, String callId, String name, String argumentsDelta) {
            post(() -> tool(() -> output.toolCallDelta(index, callId, name, argumentsDelta)));
        }

        @Override
        public void onToolCall(int index, ToolCall call) {
            post(() -> tool(() -> output.toolCall(index, call)));
        }

        @Override
        public void onComplete(FinishReason reason, TokenUsage tokenUsage) {
            post(() -> llmComplete(reason, tokenUsage));
        }

        @Override
        public void onError(LlmException error) {
            String kind = error.kind() == null ? "error" : error.kind().name().toLowerCase(Locale.ROOT);
            post(() -> fail("llm_" + kind, describe(error)));
        }

        private void post(Runnable r) {
            if (!over) {
                actor.execute(() -> {
                    if (!over) {
                        r.run();
                    }
                });
            }
        }
    }
}
