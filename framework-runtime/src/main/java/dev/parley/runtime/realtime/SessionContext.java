package dev.parley.runtime.realtime;

import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The state one session's handlers share. Touched only on the session's {@link SessionActor}, so plain fields.
 */
final class SessionContext {
    /**
     * The session's lifecycle: {@code OPENING} (engine not open yet; client frames wait) → {@code OPEN} (events are
     * handled) → {@code CLOSED} (connection gone or refused; everything is ignored).
     */
    enum Phase { OPENING, OPEN, CLOSED }

    final EventEmitter out;
    SessionIdentity identity;
    final Conversation conversation;
    final SessionActor actor;
    final ScheduledExecutorService timers;
    final Duration transcriptWait;
    final SessionObserver observer;
    SessionConfig config;
    SessionEngine engine;
    /** Set once assistant audio was sent: the voice can no longer change (§9 {@code cannot_update_voice}). */
    boolean assistantAudioPresent;
    /** Between speech_started and the end of that utterance (speech_stopped, timeout or clear). */
    boolean userSpeaking;
    /** Called where a turn may have ended; applies a pending variant switch (see {@link PipelineSwitch}). */
    Runnable turnBoundary = () -> { };
    /** Where the session is in its life; see {@link Phase}. */
    Phase phase = Phase.OPENING;

    SessionContext(EventEmitter out, SessionIdentity identity, SessionConfig config, SessionActor actor,
                   ScheduledExecutorService timers, SessionLimits limits, SessionObserver observer) {
        this.out = out;
        this.identity = identity;
        this.config = config;
        this.actor = actor;
        this.timers = timers;
        this.transcriptWait = limits.transcriptWait();
        this.observer = observer;
        this.conversation = new Conversation(Ids.conversation(), limits.conversationAudioBytes());
    }

    InputSettings inputSettings() {
        return new InputSettings(config.inputFormat, config.turnDetection, config.noiseReduction);
    }

    boolean realtime() {
        return config.type == SessionConfig.Type.REALTIME;
    }

    /** Runs {@code task} on the actor after {@code delay}, unless the session closed meanwhile. */
    void later(Duration delay, Runnable task) {
        timers.schedule(() -> actor.execute(() -> {
            if (phase != Phase.CLOSED) {
                task.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
