package dev.parley.runtime.conversation;

import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.OutputReadiness;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the session's engine, and of the live component swap: a requested pipeline variant is
 * switched to at the next turn boundary (no response writing to the conversation, the user not speaking) by
 * opening the variant's engine streams and closing the old ones. Conversation and settings stay. Switching
 * between turns, never within one, keeps an utterance or an answer from being cut in two.
 */
final class Engines {
    private static final Logger log = LoggerFactory.getLogger(Engines.class);

    private final SessionActor actor;
    private final EventBus bus;
    private InputListener input;
    private SessionEngineFactory factory;
    private VariantSwitcher switcher;
    private SessionEngine engine;
    private OutputReadiness output = OutputReadiness.ALWAYS;

    Engines(SessionActor actor, EventBus bus) {
        this.actor = actor;
        this.bus = bus;
    }

    /**
     * Opens the first engine, reporting input to {@code listener}; {@code variants} may be null (no variants).
     * Throws when it cannot be opened.
     */
    void open(SessionEngineFactory engines, Pipeline pipeline, VariantSwitcher variants, InputSettings settings,
              InputListener listener, OutputReadiness readiness) {
        this.factory = engines;
        this.output = readiness;
        this.input = listener;
        this.switcher = variants;
        SessionEngine opened = engines.open(pipeline, actor, input, output);
        opened.input().configure(settings);
        this.engine = opened;
    }

    SessionEngine current() {
        return engine;
    }

    /** Checks and records a requested variant; an unknown one is refused and nothing changes. */
    void request(String variant) {
        if (switcher == null) {
            throw new RefusedException(new Refusal.NoVariants());
        }
        try {
            switcher.request(variant);
        } catch (RuntimeException e) {
            throw new RefusedException(new Refusal.UnknownVariant(e.getMessage()));
        }
    }

    /** At a turn boundary of an idle session: applies a pending switch. */
    void atTurnBoundary(InputSettings settings) {
        if (switcher == null || !switcher.pending() || engine == null) {
            return;
        }
        Pipeline next = switcher.atTurnBoundary();
        SessionEngine previous = engine;
        try {
            SessionEngine opened = factory.open(next, actor, input, output);
            opened.input().configure(settings);
            engine = opened;
        } catch (RuntimeException e) {
            log.error("Cannot switch to variant {}: {}", next.variant(), e.toString());
            bus.emit(new ConversationEvent.Refused(System.nanoTime(), new Refusal.VariantSwitchFailed(next.variant())));
            return;
        }
        previous.close();
        bus.emit(new ConversationEvent.VariantSwitched(System.nanoTime(), next.name(), next.variant()));
    }

    void close() {
        SessionEngine e = engine;
        if (e != null) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                log.warn("Engine close failed: {}", ex.toString());
            }
        }
    }
}
