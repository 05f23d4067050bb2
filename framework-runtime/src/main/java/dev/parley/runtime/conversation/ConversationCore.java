package dev.parley.runtime.conversation;

import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.OutputReadiness;
import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation of one session, transport-neutral: {@link Command}s in, {@link ConversationEvent}s out to
 * its {@link ConversationObserver}s. It owns turn taking, barge-in, deferred and manual turns, the transcript
 * wait, false-interruption resume, truncation and what was heard, the idle timeout, the variant switch at a
 * turn boundary and the response lifecycle; it knows nothing of any wire format. Every method runs on the
 * session's {@link SessionActor}. Lifecycle: {@link #open} → any number of {@link #handle} → {@link Command.Close}.
 */
public final class ConversationCore {
    private static final Logger log = LoggerFactory.getLogger(ConversationCore.class);

    /** {@code OPENING} (no engine yet) → {@code OPEN} (commands handled) → {@code CLOSED} (everything ignored). */
    public enum Phase { OPENING, OPEN, CLOSED }

    private final EventBus bus = new EventBus();
    private final TurnStates states = new TurnStates(bus);
    private final Conversation conversation;
    private final Engines engines;
    private final Responses responses;
    private final FalseInterruptions falseInterruptions;
    private final VoiceTurns voice;
    private final ItemCommands items;
    private final ActorTimers later;
    private ConversationSettings settings;
    private Phase phase = Phase.OPENING;

    /**
     * @param timers                 runs the bounded waits (transcript, false-interruption verdict)
     * @param transcriptWait         how long a voice turn's response waits for the turn's final transcript
     * @param conversationAudioBytes item audio kept; older items lose their audio bytes first
     */
    public ConversationCore(String conversationId, ConversationSettings settings, SessionActor actor,
                            ScheduledExecutorService timers, Duration transcriptWait, long conversationAudioBytes) {
        this(conversationId, settings, actor, timers, transcriptWait, conversationAudioBytes,
                Conversation.DEFAULT_MAX_ITEMS);
    }

    /** @param maxItems items kept; the eldest-inserted beyond it are deleted ({@link ConversationEvent.ItemDeleted}) */
    public ConversationCore(String conversationId, ConversationSettings settings, SessionActor actor,
                            ScheduledExecutorService timers, Duration transcriptWait, long conversationAudioBytes,
                            int maxItems) {
        this.settings = settings;
        this.conversation = new Conversation(conversationId, conversationAudioBytes, maxItems,
                evictedId -> bus.emit(new ConversationEvent.ItemDeleted(System.nanoTime(), evictedId)));
        this.later = new ActorTimers(timers, actor, () -> phase == Phase.OPEN);
        this.engines = new Engines(actor, bus);
        this.responses = new Responses(bus, engines, later, transcriptWait, conversation, this::settings, states,
                this::atTurnBoundary);
        this.falseInterruptions = new FalseInterruptions(this::settings, responses, conversation, states, bus, later);
        this.voice = new VoiceTurns(bus, conversation, this::settings, states, responses, falseInterruptions,
                engines, this::atTurnBoundary);
        this.items = new ItemCommands(bus, conversation, this::settings);
    }

    public void subscribe(ConversationObserver observer) {
        bus.subscribe(observer);
    }

    /**
     * Opens the session's engine on {@code pipeline}; {@code variants} may be null (no variant switching).
     *
     * @throws RuntimeException when the engine cannot be opened; the conversation is then closed
     */
    public void open(SessionEngineFactory factory, Pipeline pipeline, VariantSwitcher variants) {
        open(factory, pipeline, variants, OutputReadiness.ALWAYS);
    }

    /**
     * As {@link #open(SessionEngineFactory, Pipeline, VariantSwitcher)}, with the transport's output readiness:
     * responses pause their production while it is not ready.
     */
    public void open(SessionEngineFactory factory, Pipeline pipeline, VariantSwitcher variants,
                     OutputReadiness output) {
        try {
            engines.open(factory, pipeline, variants, settings.inputSettings(), voice, output);
        } catch (RuntimeException e) {
            phase = Phase.CLOSED;
            throw e;
        }
        phase = Phase.OPEN;
    }

    public Phase phase() {
        return phase;
    }

    public ConversationSettings settings() {
        return settings;
    }

    public UserState userState() {
        return states.user();
    }

    public AgentState agentState() {
        return states.agent();
    }

    public String conversationId() {
        return conversation.id();
    }

    /** The conversation's item {@code itemId}, or null (for a transport resolving references). */
    public ConversationItem item(String itemId) {
        return conversation.get(itemId);
    }

    /** Utterances whose item id the core keeps (issue 17's leak test). On the actor. */
    int utteranceIdsHeld() {
        return voice.utteranceIdsHeld();
    }

    /** Finals the core holds for utterances not yet committed (issue 17's leak test). On the actor. */
    int earlyTranscriptsHeld() {
        return voice.earlyTranscriptsHeld();
    }

    /** Handles one command; a refusal becomes a {@link ConversationEvent.Refused}. Ignored unless open. */
    public void handle(Command command) {
        if (phase != Phase.OPEN && !(command instanceof Command.Close)) {
            return;
        }
        try {
            switch (command) {
                case Command.AppendAudio a -> voice.append(a.audio());
                case Command.CommitInput c -> voice.commit();
                case Command.ClearInput c -> voice.clear();
                case Command.CreateItem c -> items.create(c);
                case Command.DeleteItem d -> items.delete(d.itemId());
                case Command.RetrieveItem r -> items.retrieve(r.itemId());
                case Command.TruncateItem t -> items.truncate(t);
                case Command.TruncateToPlayed t -> truncateToPlayed(t);
                case Command.CreateResponse c -> responses.create(c.options());
                case Command.CancelResponse c -> responses.cancel(c.responseId());
                case Command.UpdateSettings u -> update(u);
                case Command.Close c -> close();
            }
        } catch (RefusedException e) {
            log.debug("Refused {}: {}", command.getClass().getSimpleName(), e.refusal());
            bus.emit(new ConversationEvent.Refused(System.nanoTime(), e.refusal()));
        }
    }

    /**
     * A server-made truncation: a response still generating the item is muted now and truncated once its
     * {@code ResponseDone} is out. The truncation itself goes behind the current actor task (it may be the core's
     * own event dispatch of a barge-in, still running the cancel and, with resume on, reading the untruncated
     * transcript of what was cut), so its {@code ItemTruncated} comes where a transport's own post put it.
     */
    private void truncateToPlayed(Command.TruncateToPlayed t) {
        Runnable truncate = () -> later.next(() -> handle(new Command.TruncateItem(t.itemId(), 0, t.playedMs())));
        if (!responses.playoutCut(t.itemId(), truncate)) {
            truncate.run();
        }
    }

    private void update(Command.UpdateSettings u) {
        ConversationSettings next = u.settings();
        if (!u.voiceForced() && responses.assistantAudioPresent() && !next.voice().equals(settings.voice())) {
            throw new RefusedException(new Refusal.VoiceLocked());
        }
        if (u.variant() != null) {
            engines.request(u.variant()); // last check: after it, nothing can refuse the update
        }
        settings = next;
        engines.current().input().configure(next.inputSettings());
        bus.emit(new ConversationEvent.SettingsChanged(System.nanoTime(), next));
        atTurnBoundary();
    }

    /** Where a turn may have ended: applies a pending variant switch when nobody is speaking or answering. */
    private void atTurnBoundary() {
        if (phase == Phase.OPEN && !responses.conversationBusy() && states.user() != UserState.USER_SPEAKING) {
            engines.atTurnBoundary(settings.inputSettings());
        }
    }

    /** The session ends: responses stop (their closing events still go out), then the engine closes. */
    private void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        responses.closeAll();
        falseInterruptions.close();
        engines.close();
    }
}
