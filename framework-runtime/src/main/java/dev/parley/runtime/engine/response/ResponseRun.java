package dev.parley.runtime.engine.response;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.TtsEngine;
import dev.parley.runtime.engine.HeldGeneration;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.SessionActor;

/**
 * One response: LLM stream → {@link ClauseChunker} → {@link ClausePipeline} (TTS per clause) →
 * {@link AudioDeltaPacer} → listener; or LLM text straight to the listener for text-only responses. Every
 * state change runs on the session actor (component callbacks are posted there), so {@link #cancel()} — called
 * on the actor — guarantees that nothing more is delivered. Tool calls are forwarded once the speech before
 * them has been delivered, so the message and the call stay in order.
 *
 * <p>Its lifecycle is one {@link Phase}: {@code RUNNING} → {@code OVER} (completed, failed or cancelled), or
 * {@code RUNNING} → {@code HELD} ({@link #hold()}: speech stopped, the LLM keeps writing into the generated text,
 * which a resumed response takes over with {@link #handOver}) → {@code OVER}.
 */
final class ResponseRun implements ResponseHandle, HeldGeneration, ClausePipeline.Events, LlmBridge.Run,
        LlmDeadline.Watched {
    /** Where the run is in its life; the only record of it. */
    enum Phase { RUNNING, HELD, OVER }

    private final ResponseSpec spec;
    private final ResponseListener listener;
    private final SessionActor actor;
    private final LlmEngine llm;
    private final ResponseOutput output;
    private final AudioDeltaPacer pacer;
    private final ClausePipeline clauses;
    private final TextRoute route;
    private final ToolCallGate tools;
    private final StringBuilder generated = new StringBuilder();
    private final LlmDeadline deadline;
    private final ProductionGate gate;
    private volatile Phase phase = Phase.RUNNING;
    private final HandOver handOver = new HandOver(() -> phase = Phase.OVER);
    private final ModelOutcome model = new ModelOutcome();
    private LlmStream llmStream;
    private boolean textSeen;

    ResponseRun(ResponseSpec spec, ResponseListener listener, SessionActor actor, LlmEngine llm, TtsEngine tts,
                boolean overlap, TtsWatchdog watchdog, ResponseSettings settings, LlmDeadline deadline,
                ProductionGate.Factory gates) {
        this.spec = spec;
        this.deadline = deadline;
        this.listener = listener;
        this.actor = actor;
        // turn-based output is held until the end, so its lead is not bounded (nothing plays before it is done)
        this.gate = gates.open(overlap ? settings.maxAudioLeadMs() : 0, this::resumeProduction);
        this.output = new ResponseOutput(listener, !overlap, gate);
        this.pacer = spec.audio()
                ? new AudioDeltaPacer(spec.outputFormat(), settings.audioDeltaMs(), settings.firstAudioDeltaMs(),
                        output)
                : null;
        this.clauses = spec.audio()
                ? new ClausePipeline(tts, spec.voice(), spec.outputFormat(), overlap ? 1 : 0, actor, watchdog,
                        spec.timing(), this, () -> phase == Phase.RUNNING, gate)
                : null;
        this.route = new TextRoute(output, clauses, overlap);
        this.tools = new ToolCallGate(!overlap);
        this.llm = llm;
    }

    /** Hands the request to the LLM, or feeds the scripted text through the same path (on the actor). */
    void start() {
        spec.timing().mark(ResponseTiming.Stage.LLM_REQUEST);
        if (spec.scriptedText() != null) {
            text(spec.scriptedText());
        }
        if (spec.continuation() != null) {
            spec.continuation().handOver(spec.continueFromChar(), this); // the held run's words follow
        } else if (spec.scriptedText() != null) {
            complete(FinishReason.STOP, TokenUsage.UNKNOWN);
        } else {
            startModel();
        }
    }

    private void startModel() {
        try {
            llmStream = llm.stream(spec.request(), new LlmBridge(actor, this));
            deadline.start(this);
        } catch (RuntimeException e) {
            fail("llm_error", "The language model could not start: " + LlmBridge.describe(e));
        }
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }

    @Override
    public boolean isOver() {
        return phase == Phase.OVER;
    }

    /** On the actor: the client reads again or playback caught up, so waiting syntheses may start. */
    void resumeProduction() {
        if (phase == Phase.RUNNING && clauses != null) {
            clauses.resume();
        }
    }

    @Override
    public void cancel() {
        phase = Phase.OVER;
        gate.cancel();
        LlmStream s = llmStream;
        if (s != null) {
            s.cancel();
        }
        if (clauses != null) {
            clauses.cancel();
        }
        if (spec.continuation() != null) {
            spec.continuation().cancel(); // a resumed answer's words still come from the held run
        }
    }

    @Override
    public HeldGeneration hold() {
        if (phase != Phase.RUNNING) {
            return null;
        }
        phase = Phase.HELD;
        if (clauses != null) {
            clauses.cancel(); // no more speech; the text keeps coming
        }
        tools.drop();
        return this;
    }

    @Override
    public boolean generating() {
        return phase == Phase.HELD && !model.done();
    }

    @Override
    public void handOver(int fromChar, Continuation next) {
        if (phase != Phase.HELD) {
            return;
        }
        handOver.take(next, fromChar < generated.length() ? generated.substring(fromChar) : "");
    }

    // --- LLM events (or a held run's, handed over), on the actor ---

    @Override
    public void text(String delta) {
        if (phase == Phase.OVER || model.stalled()) {
            return;
        }
        deadline.token();
        spec.timing().mark(ResponseTiming.Stage.LLM_FIRST_TOKEN);
        textSeen = true;
        generated.append(delta);
        if (phase == Phase.HELD) {
            handOver.text(delta);
        } else {
            route.text(delta);
        }
    }

    private void tool(Runnable event) {
        if (model.stalled()) {
            return;
        }
        deadline.token();
        spec.timing().mark(ResponseTiming.Stage.LLM_FIRST_TOKEN);
        if (phase == Phase.HELD) {
            return; // a resume says the unheard words; a tool call the user never heard is not made
        }
        tools.offer(event, clauses != null && textSeen);
    }

    @Override
    public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        tool(() -> output.toolCallDelta(index, callId, name, argumentsDelta));
    }

    @Override
    public void toolCall(int index, ToolCall call) {
        tool(() -> output.toolCall(index, call));
    }

    @Override
    public void complete(FinishReason reason, TokenUsage tokenUsage) {
        if (!model.stalled()) {
            model.finished(reason, tokenUsage);
            end();
        }
    }

    /** The model's output is over: the rest of the text goes to speech, then the completion is delivered. */
    private void end() {
        if (phase == Phase.OVER) {
            return;
        }
        if (phase == Phase.HELD) {
            handOver.completed(model.finishReason(), model.usage());
            return;
        }
        if (!route.modelDone()) {
            deliverCompletion();
        }
    }

    // --- the model's deadlines, on the actor ---

    @Override
    public boolean awaitingModel() {
        return phase == Phase.RUNNING && !model.done();
    }

    @Override
    public void noFirstToken(long ms) {
        fail("llm_timeout", "The language model sent nothing within " + ms + " ms of the request (LLM first-token "
                + "timeout); the response was stopped.");
    }

    /** Cut the model off and speak what it said so far: the response ends as if complete, but incomplete. */
    @Override
    public void stalled(long ms) {
        LlmStream s = llmStream;
        if (s != null) {
            s.cancel();
        }
        model.stall();
        end();
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
        if (model.done()) {
            deliverCompletion();
        }
    }

    /** A clause failed, the model failed, or a held run handed over a failure. */
    @Override
    public void failed(String code, String message) {
        fail(code, message);
    }

    private void deliverCompletion() {
        if (phase != Phase.RUNNING) {
            return;
        }
        if (pacer != null) {
            pacer.flush();
        }
        tools.release();
        output.release();
        phase = Phase.OVER;
        gate.cancel();
        model.deliver(listener);
    }

    private void fail(String code, String message) {
        if (phase == Phase.HELD) {
            model.failed();
            handOver.failed(code, message);
            return;
        }
        if (phase == Phase.OVER) {
            return;
        }
        cancel();
        listener.failed(code, message);
    }
}
