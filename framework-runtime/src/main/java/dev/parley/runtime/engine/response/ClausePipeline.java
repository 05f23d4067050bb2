package dev.parley.runtime.engine.response;

import dev.parley.runtime.engine.SessionActor;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * Speaks clauses in order while synthesizing ahead: the head clause's audio flows out as it arrives, while up
 * to {@code lookahead} following clauses are already being synthesized and their audio is held until every
 * clause before them is done. With lookahead 0 each clause is synthesized only after the previous one finished
 * (the turn-based mode). Lives on the session actor; clause events arrive there through {@link ClauseSpeech}.
 * Whether it may still speak is its run's decision ({@code speaking}, the run's lifecycle), not a flag of its own.
 */
final class ClausePipeline implements ClauseSpeech.Owner {
    /** What the pipeline reports, on the actor. */
    interface Events {
        /** The clause's text, released just before its first audio. */
        void clauseText(String text);

        void audio(byte[] wire);

        /** All clauses added so far are done and {@link #finish()} was called. */
        void drained();

        void failed(String code, String message);
    }

    private final TtsEngine tts;
    private final VoiceSettings voice;
    private final WireFormat format;
    private final int lookahead;
    private final SessionActor actor;
    private final TtsWatchdog watchdog;
    private final ResponseTiming timing;
    private final Events events;
    private final ArrayDeque<ClauseSpeech> queue = new ArrayDeque<>();
    private final BooleanSupplier speaking;
    private final ProductionGate gate;
    private int added;
    private boolean finishing;
    /** Audio sent so far (bytes) and when the first of it went out, for {@link SynthesisPriority}. */
    private long sentBytes;
    private long firstSentNanos;

    /**
     * @param speaking true while the response may still speak (its run is running); read from TTS threads too
     * @param gate     whether the next synthesis may start (the client reads, the audio lead is within its bound)
     */
    ClausePipeline(TtsEngine tts, VoiceSettings voice, WireFormat format, int lookahead, SessionActor actor,
                   TtsWatchdog watchdog, ResponseTiming timing, Events events, BooleanSupplier speaking,
                   ProductionGate gate) {
        this.speaking = speaking;
        this.gate = gate;
        this.tts = tts;
        this.voice = voice;
        this.format = format;
        this.lookahead = lookahead;
        this.actor = actor;
        this.watchdog = watchdog;
        this.timing = timing;
        this.events = events;
    }

    void add(String clauseText) {
        if (stopped()) {
            return;
        }
        queue.add(new ClauseSpeech(added++, clauseText, format, actor, this, timing, speaking));
        startWithinWindow();
        advance();
    }

    /** No more clauses will come. */
    void finish() {
        finishing = true;
        advance();
    }

    /** True when no clause is waiting or speaking. */
    boolean idle() {
        return queue.isEmpty();
    }

    /** Production may go on (the client reads again, or playback caught up): starts the syntheses that waited. */
    void resume() {
        if (!stopped()) {
            startWithinWindow();
            advance();
        }
    }

    /** Stops every synthesis at once; called once the run stopped speaking, so nothing more is reported. */
    void cancel() {
        for (ClauseSpeech c : queue) {
            c.cancel();
        }
        queue.clear();
    }

    @Override
    public void clauseAudio(ClauseSpeech clause, byte[] wire) {
        if (stopped()) {
            return;
        }
        if (clause == queue.peek()) {
            releaseText(clause);
            send(wire);
            prioritise();
        } else {
            clause.held.add(wire);
        }
    }

    @Override
    public void clauseDone(ClauseSpeech clause) {
        if (stopped()) {
            return;
        }
        clause.doneSeen = true;
        advance();
    }

    @Override
    public void clauseFailed(ClauseSpeech clause, Throwable error) {
        if (stopped()) {
            return;
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        fail("tts_error", "Speech synthesis failed: " + message);
    }

    private void timedOut(ClauseSpeech clause) {
        actor.execute(() -> {
            if (!stopped() && !clause.finished()) {
                fail("tts_timeout", "Speech synthesis produced no audio for too long (clause " + (clause.index + 1)
                        + "); the response was stopped");
            }
        });
    }

    private void fail(String code, String message) {
        cancel();
        events.failed(code, message);
    }

    private void startWithinWindow() {
        int position = 0;
        for (ClauseSpeech c : queue) {
            if (position++ > lookahead) {
                break;
            }
            if (!c.started) {
                if (!c.silent() && !gate.mayStart()) {
                    return; // paused: the gate resumes the pipeline when the client can take more
                }
                c.started = true;
                if (c.silent()) {
                    c.doneSeen = true;
                } else {
                    timing.mark(ResponseTiming.Stage.FIRST_CLAUSE);
                    watchdog.watch(c, this::timedOut);
                    c.start(tts, voice, priorityOf(c == queue.peek()));
                    if (stopped()) {
                        return; // start() failed synchronously and the failure already stopped everything
                    }
                }
            }
        }
    }

    /** Retires finished head clauses, lets the next head's held audio out, and starts the next syntheses. */
    private void advance() {
        while (!stopped() && !queue.isEmpty()) {
            ClauseSpeech head = queue.peek();
            if (!head.held.isEmpty()) {
                releaseText(head);
                for (byte[] wire : head.held) {
                    send(wire);
                }
                head.held.clear();
            }
            if (!head.doneSeen) {
                break;
            }
            releaseText(head); // a clause without audio still has its text
            queue.poll();
            startWithinWindow();
            prioritise();
        }
        if (!stopped() && queue.isEmpty() && finishing) {
            finishing = false; // drained once; the run completes on it
            events.drained();
        }
    }

    private void send(byte[] wire) {
        if (sentBytes == 0) {
            firstSentNanos = System.nanoTime();
        }
        sentBytes += wire.length;
        events.audio(wire);
    }

    /** Re-ranks the syntheses under way: the head and the look-ahead, by how far the audio is ahead of playback. */
    private void prioritise() {
        boolean head = true;
        for (ClauseSpeech c : queue) {
            if (c.started && !c.doneSeen) {
                c.priority(priorityOf(head));
            }
            head = false;
        }
    }

    private dev.parley.api.context.CpuPriority priorityOf(boolean head) {
        long sentMs = sentBytes * 1000 / ((long) format.sampleRate() * format.bytesPerSample());
        long playedMs = sentBytes == 0 ? 0 : (System.nanoTime() - firstSentNanos) / 1_000_000;
        return SynthesisPriority.of(head, sentMs, playedMs);
    }

    private boolean stopped() {
        return !speaking.getAsBoolean();
    }

    private void releaseText(ClauseSpeech clause) {
        if (!clause.textReleased) {
            clause.textReleased = true;
            events.clauseText(clause.text);
        }
    }
}
