package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ConversationObserver;
import dev.parley.runtime.conversation.Ids;
import java.util.function.Supplier;

/**
 * The OpenAI facade's view of the conversation: each {@link ConversationEvent} written as the server events of
 * the connection's dialect, each with its own {@code event_id}. A refusal becomes an {@code error} naming the
 * client event being handled. Events without a wire form (state changes) are not written; settings and variant
 * changes are answered by {@link RealtimeSession}, which owns the session object.
 */
final class OpenAiEventWriter implements ConversationObserver {
    private final EventEmitter out;
    private final ResponseEventWriter responses;
    private final Supplier<SessionIdentity> identity;
    private String clientEventId;

    OpenAiEventWriter(EventEmitter out, Supplier<SessionIdentity> identity) {
        this.out = out;
        this.responses = new ResponseEventWriter(out);
        this.identity = identity;
    }

    /** The {@code event_id} of the client event being handled (null when none): errors refer to it. */
    void handling(String eventId) {
        this.clientEventId = eventId;
    }

    @Override
    public void on(ConversationEvent event) {
        if (responses.write(event)) {
            return;
        }
        switch (event) {
            case ConversationEvent.SpeechStarted s -> out.send(new ServerEvent.SpeechStarted(
                    out.type("input_audio_buffer.speech_started"), Ids.event(), s.audioStartMs(), s.itemId()));
            case ConversationEvent.SpeechStopped s -> out.send(new ServerEvent.SpeechStopped(
                    out.type("input_audio_buffer.speech_stopped"), Ids.event(), s.audioEndMs(), s.itemId()));
            case ConversationEvent.IdleTimedOut t -> out.send(new ServerEvent.TimeoutTriggered(
                    out.type("input_audio_buffer.timeout_triggered"), Ids.event(), t.audioStartMs(), t.audioEndMs(),
                    t.itemId()));
            case ConversationEvent.InputCommitted c -> out.send(new ServerEvent.Committed(
                    out.type("input_audio_buffer.committed"), Ids.event(), c.previousItemId(), c.itemId()));
            case ConversationEvent.InputCleared c ->
                    out.send(new ServerEvent.Bare(out.type("input_audio_buffer.cleared"), Ids.event()));
            case ConversationEvent.TranscriptDelta d -> out.send(new ServerEvent.TranscriptionDelta(
                    out.type("conversation.item.input_audio_transcription.delta"), Ids.event(), d.itemId(), 0,
                    d.delta()));
            case ConversationEvent.TranscriptRevised r -> out.send(new ServerEvent.TranscriptionRevised(
                    out.type("parley.input_audio_transcription.revised"), Ids.event(), r.itemId(), 0,
                    r.transcript()));
            case ConversationEvent.TranscriptCompleted c -> out.send(new ServerEvent.TranscriptionCompleted(
                    out.type("conversation.item.input_audio_transcription.completed"), Ids.event(), c.itemId(), 0,
                    c.transcript(), new ServerEvent.DurationUsage("duration", c.audioSeconds())));
            case ConversationEvent.TranscriptFailed f -> out.send(new ServerEvent.TranscriptionFailed(
                    out.type("conversation.item.input_audio_transcription.failed"), Ids.event(), f.itemId(), 0,
                    new ServerEvent.Problem("transcription_error", "transcription_failed", f.message(), null)));
            case ConversationEvent.ItemAdded a -> itemAdded(a.item(), a.previousItemId());
            case ConversationEvent.ItemDeleted d -> out.send(new ServerEvent.ItemDeleted(
                    out.type("conversation.item.deleted"), Ids.event(), d.itemId()));
            case ConversationEvent.ItemRetrieved r -> out.send(new ServerEvent.ItemRetrieved(
                    out.type("conversation.item.retrieved"), Ids.event(), ItemWriter.write(r.item(), out.dialect(),
                    true)));
            case ConversationEvent.ItemTruncated t -> out.send(new ServerEvent.ItemTruncated(
                    out.type("conversation.item.truncated"), Ids.event(), t.itemId(), t.contentIndex(),
                    t.audioEndMs()));
            case ConversationEvent.Refused r -> out.error(RefusalErrors.of(r.refusal(), identity.get()),
                    RefusalErrors.serverSide(r.refusal()) ? null : clientEventId);
            default -> {
                // state changes, settings and variant changes: no wire event of their own here
            }
        }
    }

    /** GA {@code conversation.item.added} + {@code .done}; beta one {@code conversation.item.created}. */
    private void itemAdded(ConversationItem item, String previousItemId) {
        out.send(new ServerEvent.Item(out.type("conversation.item.added"), Ids.event(), previousItemId,
                ItemWriter.write(item, out.dialect(), false)));
        if (out.dialect().hasItemDone()) {
            out.send(new ServerEvent.Item(out.type("conversation.item.done"), Ids.event(), previousItemId,
                    ItemWriter.write(item, out.dialect(), false)));
        }
    }
}
