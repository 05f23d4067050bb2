package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartAdded;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartDone;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemAdded;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemDone;
import dev.parley.runtime.conversation.ConversationEvent.ResponseDone;
import dev.parley.runtime.conversation.ConversationEvent.TextDelta;
import dev.parley.runtime.conversation.Ids;

/**
 * Writes a response's events in the order of the protocol (catalog §5): {@code response.created}, output items,
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
            case TextDelta t -> out.send(new ServerEvent.ContentDelta(out.type(t.transcript()
                    ? "response.output_audio_transcript.delta" : "response.output_text.delta"), Ids.event(),
                    t.responseId(), t.itemId(), t.outputIndex(), 0, t.delta()));
            case ConversationEvent.ResponseStarted s -> out.send(new ServerEvent.Response(
                    out.type("response.created"), Ids.event(),
                    ResponseJson.response(s.response(), "in_progress", null, null, out.dialect())));
            case OutputItemAdded a -> outputItemAdded(a);
            case OutputItemDone d -> outputItemDone(d);
            case ContentPartAdded p -> out.send(new ServerEvent.ContentPart(out.type("response.content_part.added"),
                    Ids.event(), p.responseId(), p.itemId(), p.outputIndex(), 0, part(p.audio(), "")));
            case ContentPartDone p -> contentPartDone(p);
            case ConversationEvent.FunctionCallArgumentsDelta d -> out.send(new ServerEvent.ArgumentsDelta(
                    out.type("response.function_call_arguments.delta"), Ids.event(), d.responseId(), d.itemId(),
                    d.outputIndex(), d.callId(), d.delta()));
            case ConversationEvent.FunctionCallArgumentsDone d -> out.send(new ServerEvent.ArgumentsDone(
                    out.type("response.function_call_arguments.done"), Ids.event(), d.responseId(), d.itemId(),
                    d.outputIndex(), d.callId(), d.name(), d.arguments()));
            case ResponseDone d -> {
                out.send(new ServerEvent.Response(out.type("response.done"), Ids.event(),
                        ResponseJson.response(d.response(), ResponseJson.status(d.outcome()),
                                ResponseJson.statusDetails(d.outcome()), d.usage(), out.dialect())));
                out.send(new ServerEvent.RateLimits(out.type("rate_limits.updated"), Ids.event(),
                        ResponseJson.rateLimits()));
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
        out.send(new ServerEvent.OutputItem(out.type("response.output_item.added"), Ids.event(), a.responseId(),
                a.outputIndex(), ItemWriter.write(a.item(), out.dialect(), false)));
        if (a.inConversation()) {
            out.send(new ServerEvent.Item(out.type("conversation.item.added"), Ids.event(), a.previousItemId(),
                    ItemWriter.write(a.item(), out.dialect(), false)));
        }
    }

    private void outputItemDone(OutputItemDone d) {
        if (d.inConversation() && out.dialect().hasItemDone()) {
            out.send(new ServerEvent.Item(out.type("conversation.item.done"), Ids.event(), d.previousItemId(),
                    ItemWriter.write(d.item(), out.dialect(), false)));
        }
        out.send(new ServerEvent.OutputItem(out.type("response.output_item.done"), Ids.event(), d.responseId(),
                d.outputIndex(), ItemWriter.write(d.item(), out.dialect(), false)));
    }

    private void contentPartDone(ContentPartDone p) {
        if (p.audio()) {
            out.send(new ServerEvent.ContentDone(out.type("response.output_audio.done"), Ids.event(), p.responseId(),
                    p.itemId(), p.outputIndex(), 0));
            out.send(new ServerEvent.TranscriptDone(out.type("response.output_audio_transcript.done"), Ids.event(),
                    p.responseId(), p.itemId(), p.outputIndex(), 0, p.text()));
        } else {
            out.send(new ServerEvent.TextDone(out.type("response.output_text.done"), Ids.event(), p.responseId(),
                    p.itemId(), p.outputIndex(), 0, p.text()));
        }
        out.send(new ServerEvent.ContentPart(out.type("response.content_part.done"), Ids.event(), p.responseId(),
                p.itemId(), p.outputIndex(), 0, part(p.audio(), p.text())));
    }

    /** Part types stay {@code audio}/{@code text} in both dialects (observed on the live GA API). */
    private static WireItem.Part part(boolean audio, String value) {
        return audio ? new WireItem.AudioPart("audio", null, value) : new WireItem.TextPart("text", value);
    }
}
