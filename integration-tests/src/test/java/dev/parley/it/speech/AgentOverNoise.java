package dev.parley.it.speech;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.NoInputListener;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agent talks while the caller's line carries only noise: one session of the real engine, its response path
 * speaking a scripted answer (no LLM call) again and again, and the noise appended to its input as the answer's
 * audio goes out — a client plays each 40 ms of answer while its microphone sends 40 ms of noise, so both run on
 * the same audio clock (here faster than real time). A speech_started while an answer is under way is a false
 * barge-in: with server_vad's {@code interrupt_response: true} the session would cut the answer there, so the
 * answer is cancelled as the session does. The noise then goes on alone until that false turn ends
 * (speech_stopped), and the agent answers again. Onsets between answers are false onsets, not barge-ins.
 *
 * <p>The input path does not look at the response path (in {@code VadInputPipeline} only the idle timer hears
 * of responses), and the agent's audio is not mixed into the input (no echo: the measurement is noise only), so
 * the answer's voice does not matter: the pipeline given should speak with the zero-cost {@code bench} TTS, so ten
 * minutes of answers cost no synthesis.
 */
final class AgentOverNoise {
    /** About 10.5 s of bench speech (175 characters at 60 ms); one answer is one agent turn. */
    static final String ANSWER = "The forecast for tomorrow is mostly sunny with a light breeze from the west,"
            + " and temperatures climbing to about twenty degrees by the afternoon, so it is a good day to be out.";

    /** Counts over the whole run. {@code agentMs}: audio time during which an answer was being played. */
    record Result(int falseBargeIns, int onsets, long agentMs, long noiseMs, int answers) {
        /** Per 10 minutes of noise, the measure (the agent speaks for {@code agentMs} of it). */
        double bargeInsPer10Min() {
            return falseBargeIns * 600_000.0 / Math.max(1, noiseMs);
        }

        double onsetsPerMin() {
            return onsets * 60_000.0 / Math.max(1, noiseMs);
        }
    }

    private static final long DONE = -1;
    private static final long FAILED = -2;

    private AgentOverNoise() {
    }

    /** Answers over {@code noise16k} (16 kHz, looped if shorter than needed) until {@code totalMs} of it was sent. */
    static Result run(Pipeline pipeline, NoiseProfile profile, short[] noise16k, long totalMs) throws Exception {
        short[] at24k = TelephoneSpeech.resample(noise16k, 16_000, 24_000);
        SessionActor actor = new SessionActor("agent-over-noise", Executors.newVirtualThreadPerTaskExecutor());
        State st = new State(at24k);
        SessionEngine engine = new DefaultSessionEngineFactory().open(pipeline, actor, st);
        call(actor, () -> engine.input().configure(new InputSettings(WireFormat.PCM16_24K,
                NoisyTurns.turnDetection(),
                profile == null ? null : profile.wireName())));
        try {
            while (st.sentMs() < totalMs) {
                LinkedBlockingQueue<Long> played = new LinkedBlockingQueue<>();
                ResponseHandle[] handle = new ResponseHandle[1];
                call(actor, () -> handle[0] = engine.responses().start(spec(), new Player(played)));
                st.answers++;
                boolean barged = false;
                while (!barged) {
                    Long ms = played.poll(2, TimeUnit.MINUTES);
                    if (ms == null) {
                        throw new IllegalStateException("the answer stopped coming (no audio for 2 min)");
                    }
                    if (ms == FAILED) {
                        throw new IllegalStateException("the answer failed");
                    }
                    if (ms == DONE) {
                        break;
                    }
                    int before = st.onsets;
                    call(actor, () -> st.send(engine, ms));
                    st.agentMs += ms;
                    if (st.onsets > before) {
                        barged = true;
                        st.falseBargeIns++;
                        call(actor, handle[0]::cancel);
                    }
                    if (st.sentMs() >= totalMs) {
                        call(actor, handle[0]::cancel);
                        break;
                    }
                }
                while (barged && st.open && st.sentMs() < totalMs) {
                    call(actor, () -> st.send(engine, 200)); // the false turn runs until its silence ends it
                }
            }
        } finally {
            call(actor, engine::close);
        }
        return new Result(st.falseBargeIns, st.onsets, st.agentMs, st.sentMs(), st.answers);
    }

    private static ResponseSpec spec() {
        LlmRequest r = new LlmRequest("", List.of(new ChatMessage.User("what is the weather tomorrow")), List.of(),
                null, null, null);
        return new ResponseSpec("resp_noise", r, true, VoiceSettings.DEFAULT, WireFormat.PCM16_24K,
                new ResponseTiming(), ANSWER);
    }

    private static void call(SessionActor actor, Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        actor.execute(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(5, TimeUnit.MINUTES);
    }

    /** The microphone side: noise out in 20 ms appends; onsets and turn ends counted (on the actor). */
    private static final class State extends NoInputListener {
        private final short[] noise24k;
        private long sentSamples;
        private long owedMs;
        int onsets;
        int falseBargeIns;
        int answers;
        long agentMs;
        boolean open;

        State(short[] noise24k) {
            this.noise24k = noise24k;
        }

        long sentMs() {
            return sentSamples / 24;
        }

        /** {@code ms} more of noise; whole 20 ms appends, the remainder carried to the next call. */
        void send(SessionEngine engine, long ms) {
            owedMs += ms;
            short[] chunk = new short[480];
            for (; owedMs >= 20; owedMs -= 20) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = noise24k[(int) ((sentSamples + i) % noise24k.length)];
                }
                sentSamples += chunk.length;
                engine.input().append(WireCodec.encode(WireFormat.PCM16_24K, chunk, 0, chunk.length));
            }
        }

        @Override
        public void speechStarted(long utterance, long audioStartMs) {
            onsets++;
            open = true;
        }

        @Override
        public void speechStopped(long utterance, long audioEndMs, CommittedAudio audio) {
            open = false;
        }
    }

    /** The speaker side: each audio delta's duration, then −1 at the end of the answer. */
    private record Player(LinkedBlockingQueue<Long> played) implements ResponseListener {
        @Override
        public void textDelta(String delta) {
        }

        @Override
        public void audioDelta(byte[] wireAudio, long durationMs) {
            played.add(durationMs);
        }

        @Override
        public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        }

        @Override
        public void toolCall(int index, ToolCall call) {
        }

        @Override
        public void completed(FinishReason reason, TokenUsage usage) {
            played.add(DONE);
        }

        @Override
        public void failed(String code, String message) {
            System.err.println("answer failed: " + code + " " + message);
            played.add(FAILED);
        }
    }
}
