package dev.parley.runtime.server;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.InputPipeline;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.ResponseGenerator;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Test-scope session engine for ordering tests: the input path counts appended audio and lets the test fire
 * speech/transcript events on the session's actor; responses play a script of {@link Step}s on a virtual thread.
 * The default script answers {@code "You said: <last user text>"} (as text, or as text + audio).
 */
final class ScriptedEngineFactory implements SessionEngineFactory {
    final LinkedBlockingQueue<ScriptedEngine> opened = new LinkedBlockingQueue<>();
    final List<ResponseSpec> requests = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger cancellations = new java.util.concurrent.atomic.AtomicInteger();
    volatile long appendDelayMs;
    volatile Function<ResponseSpec, List<Step>> script = ScriptedEngineFactory::echo;

    @Override
    public SessionEngine open(Pipeline pipeline, SessionActor actor, InputListener input) {
        ScriptedEngine e = new ScriptedEngine(actor, input);
        opened.add(e);
        return e;
    }

    ScriptedEngine awaitEngine() throws InterruptedException {
        ScriptedEngine e = opened.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no session engine was opened");
        }
        return e;
    }

    static List<Step> echo(ResponseSpec spec) {
        List<ChatMessage> history = spec.request().messages();
        String said = "";
        for (ChatMessage m : history) {
            if (m instanceof ChatMessage.User u) {
                said = u.text();
            }
        }
        List<Step> steps = new ArrayList<>();
        for (String piece : new String[] {"You ", "said: ", said}) {
            steps.add(new Step.Text(piece));
            if (spec.audio()) {
                steps.add(new Step.Audio(100));
            }
        }
        steps.add(new Step.Complete(FinishReason.STOP));
        return steps;
    }

    /** One session's scripted engine. */
    final class ScriptedEngine implements SessionEngine, InputPipeline, ResponseGenerator {
        final SessionActor actor;
        final InputListener listener;
        volatile InputSettings settings;
        volatile long appendedBytes;
        private long uncommittedBytes;
        private long utterances;
        volatile boolean closed;

        ScriptedEngine(SessionActor actor, InputListener listener) {
            this.actor = actor;
            this.listener = listener;
        }

        /** Runs {@code event} on the session's actor, as a real input path would report. */
        void fire(Consumer<InputListener> event) {
            actor.execute(() -> event.accept(listener));
        }

        CommittedAudio audio(long utterance, long startMs, long endMs) {
            return new CommittedAudio(utterance, new byte[(int) (endMs - startMs) * 48], settings.format(), startMs,
                    endMs, System.nanoTime());
        }

        @Override
        public InputPipeline input() {
            return this;
        }

        @Override
        public ResponseGenerator responses() {
            return this;
        }

        @Override
        public void append(byte[] wireAudio) {
            if (appendDelayMs > 0) {
                try {
                    Thread.sleep(appendDelayMs); // a slow input path, to exercise flow control
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            appendedBytes += wireAudio.length;
            uncommittedBytes += wireAudio.length;
        }

        @Override
        public CommittedAudio commit() {
            long ms = settings.format().millis(uncommittedBytes);
            if (ms < 100) {
                return null;
            }
            long end = audioMs();
            uncommittedBytes = 0;
            return new CommittedAudio(++utterances + 1000, new byte[0], settings.format(), end - ms, end, 0);
        }

        @Override
        public void clear() {
            uncommittedBytes = 0;
        }

        @Override
        public void configure(InputSettings s) {
            settings = s;
        }

        @Override
        public long audioMs() {
            return settings.format().millis(appendedBytes);
        }

        @Override
        public void responseFinished() {
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public ResponseHandle start(ResponseSpec spec, ResponseListener l) {
            requests.add(spec);
            // scripted text is said as given, as the real generator does; the "LLM" script is not consulted
            List<Step> steps = spec.scriptedText() != null
                    ? List.of(new Step.Text(spec.scriptedText()), new Step.Audio(100), new Step.Complete(FinishReason.STOP))
                    : script.apply(spec);
            // the script's whole text counts as generated up front (a real LLM runs ahead of the audio)
            StringBuilder generated = new StringBuilder();
            steps.stream().filter(s -> s instanceof Step.Text).forEach(s -> generated.append(((Step.Text) s).delta()));
            Thread t = Thread.ofVirtual().start(() -> play(steps, l));
            return new ResponseHandle() {
                @Override
                public void cancel() {
                    cancellations.incrementAndGet();
                    t.interrupt();
                }

                @Override
                public String generatedText() {
                    return generated.toString();
                }
            };
        }

        private void play(List<Step> steps, ResponseListener l) {
            try {
                for (Step s : steps) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    switch (s) {
                        case Step.Text t -> actor.execute(() -> l.textDelta(t.delta()));
                        case Step.Audio a -> {
                            byte[] pcm = new byte[(int) (a.ms() * 48)];
                            actor.execute(() -> l.audioDelta(pcm, a.ms()));
                        }
                        case Step.Tool tool -> {
                            StringBuilder all = new StringBuilder();
                            for (String chunk : tool.argumentChunks()) {
                                all.append(chunk);
                                actor.execute(() -> l.toolCallDelta(tool.index(), tool.callId(), tool.name(), chunk));
                            }
                            ToolCall call = new ToolCall(tool.callId(), tool.name(), all.toString());
                            actor.execute(() -> l.toolCall(tool.index(), call));
                        }
                        case Step.ToolDelta d -> actor.execute(() ->
                                l.toolCallDelta(d.index(), d.callId(), d.name(), d.chunk()));
                        case Step.UserSpeaks u -> actor.execute(() -> listener.speechStarted(u.utterance(), u.atMs()));
                        case Step.Sleep sl -> Thread.sleep(sl.ms());
                        case Step.Complete c -> actor.execute(() -> l.completed(c.reason(), new TokenUsage(12, 7)));
                        case Step.Fail f -> actor.execute(() -> l.failed(f.code(), f.message()));
                        case Step.Hang h -> Thread.sleep(Long.MAX_VALUE);
                    }
                }
            } catch (InterruptedException e) {
                // cancelled
            }
        }
    }
}
