package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartAdded;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartDone;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemAdded;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemDone;
import dev.parley.runtime.conversation.ConversationEvent.ResponseDone;
import dev.parley.runtime.conversation.ConversationEvent.TextDelta;
import dev.parley.runtime.conversation.ConversationEvent;

/**
 * Writes a response's events in the order of the protocol (§5): {@code response.created}, output items,
 * content parts and deltas, {@code response.done} followed by {@code rate_limits.updated} and the extension
 * event {@code parley.response.timing}. Audio deltas take the streamed writer.
 */
final class ResponseEventWriter {
    private final EventEmitter out;

    ResponseEventWriter(EventEmitter out) {
        this.out = out;
    }

    /** Writes {@code event} if it is a response event; returns false otherwise. */
    boolean write(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.AudioChunk a ->
                    out.sendAudioDelta(a.responseId(), a.itemId(), a.outputIndex(), 0, a.audio());
            case TextDelta t -> {
                ObjectNode e = contentEvent(t.transcript() ? "response.output_audio_transcript.delta"
                        : "response.output_text.delta", t.responseId(), t.itemId(), t.outputIndex());
                e.put("delta", t.delta());
                out.send(e);
            }
            case ConversationEvent.ResponseStarted s -> {
                ObjectNode e = out.event("response.created");
                e.set("response", ResponseJson.response(s.response(), "in_progress", null, null, out.dialect()));
                out.send(e);
            }
            case OutputItemAdded a -> outputItemAdded(a);
            case OutputItemDone d -> outputItemDone(d);
            case ContentPartAdded p -> {
                ObjectNode e = contentEvent("response.content_part.added", p.responseId(), p.itemId(), p.outputIndex());
                e.set("part", part(p.audio(), ""));
                out.send(e);
            }
            case ContentPartDone p -> contentPartDone(p);
            case ConversationEvent.FunctionCallArgumentsDelta d -> {
                ObjectNode e = out.event("response.function_call_arguments.delta");
                e.put("response_id", d.responseId()).put("item_id", d.itemId()).put("output_index", d.outputIndex())
                        .put("call_id", d.callId()).put("delta", d.delta());
                out.send(e);
            }
            case ConversationEvent.FunctionCallArgumentsDone d -> {
                ObjectNode e = out.event("response.function_call_arguments.done");
                e.put("response_id", d.responseId()).put("item_id", d.itemId()).put("output_index", d.outputIndex())
                        .put("call_id", d.callId()).put("name", d.name()).put("arguments", d.arguments());
                out.send(e);
            }
            case ResponseDone d -> {
                ObjectNode done = out.event("response.done");
                done.set("response", ResponseJson.response(d.response(), ResponseJson.status(d.outcome()),
                        ResponseJson.statusDetails(d.outcome()), d.usage(), out.dialect()));
                out.send(done);
                ObjectNode limits = out.event("rate_limits.updated");
                limits.set("rate_limits", ResponseJson.rateLimits());
                out.send(limits);
            }
            case ConversationEvent.ResponseTimingReport r ->
                    TimingReport.send(out, r.response().id(), r.response().timing());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void outputItemAdded(OutputItemAdded a) {
        ObjectNode added = out.event("response.output_item.added");
        added.put("response_id", a.responseId()).put("output_index", a.outputIndex());
        added.set("item", ItemWriter.write(a.item(), out.dialect(), false));
        out.send(added);
        if (a.inConversation()) {
            ObjectNode conv = out.event("conversation.item.added");
            conv.put("previous_item_id", a.previousItemId());
            conv.set("item", ItemWriter.write(a.item(), out.dialect(), false));
            out.send(conv);
        }
    }

    private void outputItemDone(OutputItemDone d) {
        if (d.inConversation() && out.dialect().hasItemDone()) {
            ObjectNode conv = out.event("conversation.item.done");
            conv.put("previous_item_id", d.previousItemId());
            conv.set("item", ItemWriter.write(d.item(), out.dialect(), false));
            out.send(conv);
        }
        ObjectNode done = out.event("response.output_item.done");
        done.put("response_id", d.responseId()).put("output_index", d.outputIndex());
        done.set("item", ItemWriter.write(d.item(), out.dialect(), false));
        out.send(done);
    }

    private void contentPartDone(ContentPartDone p) {
        if (p.audio()) {
            out.send(contentEvent("response.output_audio.done", p.responseId(), p.itemId(), p.outputIndex()));
            ObjectNode t = contentEvent("response.output_audio_transcript.done", p.responseId(), p.itemId(),
                    p.outputIndex());
            t.put("transcript", p.text());
            out.send(t);
        } else {
            ObjectNode t = contentEvent("response.output_text.done", p.responseId(), p.itemId(), p.outputIndex());
            t.put("text", p.text());
            out.send(t);
        }
        ObjectNode pd = contentEvent("response.content_part.done", p.responseId(), p.itemId(), p.outputIndex());
        pd.set("part", part(p.audio(), p.text()));
        out.send(pd);
    }

    private ObjectNode contentEvent(String type, String responseId, String itemId, int outputIndex) {
        ObjectNode e = out.event(type);
        e.put("response_id", responseId).put("item_id", itemId).put("output_index", outputIndex)
                .put("content_index", 0);
        return e;
    }

    /** Part types stay {@code audio}/{@code text} in both dialects (observed on the live GA API). */
    private static ObjectNode part(boolean audio, String value) {
        ObjectNode p = EventEmitter.MAPPER.createObjectNode();
        if (audio) {
            p.put("type", "audio").put("transcript", value);
        } else {
            p.put("type", "text").put("text", value);
        }
        return p;
    }
}
