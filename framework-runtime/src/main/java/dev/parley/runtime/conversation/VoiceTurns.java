package dev.parley.runtime.conversation;

import dev.parley.runtime.conversation.ConversationEvent.IdleTimedOut;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStarted;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStopped;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import dev.parley.runtime.engine.TurnDetection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The user's side of the conversation: audio commands in, the input path's speech and transcript reports out
 * as events and user items. Maps the input path's utterance numbers to user item ids (an id is assigned at
 * speech onset so every event about the utterance agrees). Barge-in starts here. Runs on the session's actor.
 */
final class VoiceTurns implements InputListener {
    private final EventBus bus;
    private final Conversation conversation;
    private final Supplier<ConversationSettings> settings;
    private final TurnStates states;
    private final Responses responses;
    private final FalseInterruptions falseInterruptions;
    private final Engines engines;
    private final Runnable turnBoundary;
    /**
     * Item ids by utterance, for the input path's callbacks. Only recent utterances: the callbacks of one come within
     * seconds of each other, and keeping every one grew each session by one entry per utterance (issue 17; 94,488
     * utterances in the 200-session soak).
     */
    private final Map<Long, String> itemIds = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > RECENT_UTTERANCES;
        }
    };
    static final int RECENT_UTTERANCES = 256;
    private final Map<Long, String> earlyTranscripts = new HashMap<>();
    private final Set<String> awaitingTranscript = new HashSet<>();

    VoiceTurns(EventBus bus, Conversation conversation, Supplier<ConversationSettings> settings, TurnStates states,
               Responses responses, FalseInterruptions falseInterruptions, Engines engines,
               Runnable turnBoundary) {
        this.bus = bus;
        this.conversation = conversation;
        this.settings = settings;
        this.states = states;
        this.responses = responses;
        this.falseInterruptions = falseInterruptions;
        this.engines = engines;
        this.turnBoundary = turnBoundary;
    }

    void append(byte[] audio) {
        engines.current().input().append(audio);
    }

    /** A manual turn end. */
    void commit() {
        var input = engines.current().input();
        CommittedAudio audio = input.commit();
        if (audio == null) {
            throw new RefusedException(new Refusal.CommitTooSmall(input.audioMs()));
        }
        commitItem(audio);
    }

    void clear() {
        engines.current().input().clear();
        states.inputCleared();
        bus.emit(new ConversationEvent.InputCleared(System.nanoTime()));
        falseInterruptions.inputCleared();
        turnBoundary.run();
    }

    @Override
    public void speechStarted(long utterance, long audioStartMs) {
        states.speechStarted();
        bus.emit(new SpeechStarted(System.nanoTime(), itemId(utterance), audioStartMs));
        TurnDetection td = settings.get().turnTaking();
        falseInterruptions.speechStarted(utterance, td != null && td.interruptResponse());
    }

    @Override
    public void speechStopped(long utterance, long audioEndMs, CommittedAudio audio) {
        bus.emit(new SpeechStopped(System.nanoTime(), itemId(utterance), audioEndMs));
        ConversationItem item = commitItem(audio);
        TurnDetection td = settings.get().turnTaking();
        if ((td == null || td.createResponse()) && !falseInterruptions.holdTurn(utterance, item, audio)) {
            responses.respondToTurn(item, audio);
        }
    }

    @Override
    public void idleTimeout(long utterance, long audioStartMs, long audioEndMs, CommittedAudio audio) {
        bus.emit(new IdleTimedOut(System.nanoTime(), itemId(utterance), audioStartMs, audioEndMs));
        ConversationItem item = commitItem(audio);
        responses.respondToTurn(item, audio);
    }

    @Override
    public void transcriptDelta(long utterance, String delta) {
        bus.emit(new ConversationEvent.TranscriptDelta(System.nanoTime(), itemId(utterance), delta));
    }

    @Override
    public void transcriptRevised(long utterance, String transcript) {
        bus.emit(new ConversationEvent.TranscriptRevised(System.nanoTime(), itemId(utterance), transcript));
    }

    @Override
    public void transcriptCompleted(long utterance, String transcript) {
        String id = itemId(utterance);
        ConversationItem item = conversation.get(id);
        if (item != null) {
            applyTranscript(item, transcript);
        } else if (!committedThenGone(id)) {
            earlyTranscripts.put(utterance, transcript); // committed later; applied then
        }
        bus.emit(new ConversationEvent.TranscriptCompleted(System.nanoTime(), id, transcript, audioSeconds(item)));
        if (item != null) {
            falseInterruptions.transcriptFinal(utterance);
        }
        responses.transcriptSettled();
    }

    @Override
    public void transcriptFailed(long utterance, String message) {
        String id = itemId(utterance);
        ConversationItem item = conversation.get(id);
        if (item != null) {
            applyTranscript(item, null);
        } else if (!committedThenGone(id)) {
            earlyTranscripts.put(utterance, "");
        }
        bus.emit(new ConversationEvent.TranscriptFailed(System.nanoTime(), id, message));
        falseInterruptions.transcriptFailed(utterance);
        responses.transcriptSettled();
    }

    private ConversationItem commitItem(CommittedAudio audio) {
        ConversationItem item = ConversationItem.message(itemId(audio.utterance()), "user");
        ContentPart part = new ContentPart("input_audio");
        part.audio = audio.wireAudio();
        part.audioMs = Math.max(0, audio.endMs() - audio.startMs());
        item.content.add(part);
        item.transcriptPending = true;
        awaitingTranscript.add(item.id);
        String early = earlyTranscripts.remove(audio.utterance());
        if (early != null) {
            applyTranscript(item, early.isEmpty() ? null : early);
        }
        states.utteranceEnded(!awaitingTranscript.isEmpty());
        falseInterruptions.committed(audio.utterance());
        String previous = conversation.append(item);
        conversation.limitAudio();
        long now = System.nanoTime();
        bus.emit(new ConversationEvent.InputCommitted(now, item.id, previous));
        bus.emit(new ConversationEvent.ItemAdded(now, item, previous));
        return item;
    }

    /**
     * Issue 17: a final for a user item committed and since deleted or evicted by the item cap. It is not early
     * (nothing would ever take it from {@link #earlyTranscripts}), and no final is due for that item any more.
     */
    private boolean committedThenGone(String itemId) {
        if (!awaitingTranscript.remove(itemId)) {
            return false;
        }
        if (awaitingTranscript.isEmpty()) {
            states.transcriptsSettled();
        }
        return true;
    }

    /** Utterances whose item id is kept (for the leak test). */
    int utteranceIdsHeld() {
        return itemIds.size();
    }

    /** Finals held for utterances not yet committed (for the leak test). */
    int earlyTranscriptsHeld() {
        return earlyTranscripts.size();
    }

    private void applyTranscript(ConversationItem item, String transcript) {
        item.transcriptPending = false;
        item.transcriptAtNanos = System.nanoTime();
        if (!item.content.isEmpty()) {
            item.content.get(0).transcript = transcript;
        }
        if (awaitingTranscript.remove(item.id) && awaitingTranscript.isEmpty()) {
            states.transcriptsSettled();
        }
    }

    private String itemId(long utterance) {
        return itemIds.computeIfAbsent(utterance, u -> Ids.item());
    }

    private static double audioSeconds(ConversationItem item) {
        return item == null || item.content.isEmpty() ? 0 : item.content.get(0).audioMs / 1000.0;
    }
}
