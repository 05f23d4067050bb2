package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ConversationObserver;
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
            case ConversationEvent.SpeechStarted s -> {
                ObjectNode e = out.event("input_audio_buffer.speech_started");
                e.put("audio_start_ms", s.audioStartMs()).put("item_id", s.itemId());
                out.send(e);
            }
            case ConversationEvent.SpeechStopped s -> {
                ObjectNode e = out.event("input_audio_buffer.speech_stopped");
                e.put("audio_end_ms", s.audioEndMs()).put("item_id", s.itemId());
                out.send(e);
            }
            case ConversationEvent.IdleTimedOut t -> {
                ObjectNode e = out.event("input_audio_buffer.timeout_triggered");
                e.put("audio_start_ms", t.audioStartMs()).put("audio_end_ms", t.audioEndMs())
                        .put("item_id", t.itemId());
                out.send(e);
            }
            case ConversationEvent.InputCommitted c -> {
                ObjectNode e = out.event("input_audio_buffer.committed");
                e.put("previous_item_id", c.previousItemId()).put("item_id", c.itemId());
                out.send(e);
            }
            case ConversationEvent.InputCleared c -> out.send(out.event("input_audio_buffer.cleared"));
            case ConversationEvent.TranscriptDelta d -> {
                ObjectNode e = out.event("conversation.item.input_audio_transcription.delta");
                e.put("item_id", d.itemId()).put("content_index", 0).put("delta", d.delta());
                out.send(e);
            }
            case ConversationEvent.TranscriptCompleted c -> {
                ObjectNode e = out.event("conversation.item.input_audio_transcription.completed");
                e.put("item_id", c.itemId()).put("content_index", 0).put("transcript", c.transcript());
                e.putObject("usage").put("type", "duration").put("seconds", c.audioSeconds());
                out.send(e);
            }
            case ConversationEvent.TranscriptFailed f -> {
                ObjectNode e = out.event("conversation.item.input_audio_transcription.failed");
                e.put("item_id", f.itemId()).put("content_index", 0);
                e.putObject("error").put("type", "transcription_error").put("code", "transcription_failed")
                        .put("message", f.message()).putNull("param");
                out.send(e);
            }
            case ConversationEvent.ItemAdded a -> itemAdded(a.item(), a.previousItemId());
            case ConversationEvent.ItemDeleted d -> {
                ObjectNode e = out.event("conversation.item.deleted");
                e.put("item_id", d.itemId());
                out.send(e);
            }
            case ConversationEvent.ItemRetrieved r -> {
                ObjectNode e = out.event("conversation.item.retrieved");
                e.set("item", ItemWriter.write(r.item(), out.dialect(), true));
                out.send(e);
            }
            case ConversationEvent.ItemTruncated t -> {
                ObjectNode e = out.event("conversation.item.truncated");
                e.put("item_id", t.itemId()).put("content_index", t.contentIndex())
                        .put("audio_end_ms", t.audioEndMs());
                out.send(e);
            }
            case ConversationEvent.Refused r -> out.error(RefusalErrors.of(r.refusal(), identity.get()),
                    RefusalErrors.serverSide(r.refusal()) ? null : clientEventId);
            default -> {
                // state changes, settings and variant changes: no wire event of their own here
            }
        }
    }

    /** GA {@code conversation.item.added} + {@code .done}; beta one {@code conversation.item.created}. */
    private void itemAdded(ConversationItem item, String previousItemId) {
        ObjectNode added = out.event("conversation.item.added");
        added.put("previous_item_id", previousItemId);
        added.set("item", ItemWriter.write(item, out.dialect(), false));
        out.send(added);
        if (out.dialect().hasItemDone()) {
            ObjectNode done = out.event("conversation.item.done");
            done.put("previous_item_id", previousItemId);
            done.set("item", ItemWriter.write(item, out.dialect(), false));
            out.send(done);
        }
    }
}
