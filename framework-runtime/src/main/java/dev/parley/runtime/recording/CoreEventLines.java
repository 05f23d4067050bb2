package dev.parley.runtime.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationEvent.AgentStateChanged;
import dev.parley.runtime.conversation.ConversationEvent.InputCommitted;
import dev.parley.runtime.conversation.ConversationEvent.ResponseDone;
import dev.parley.runtime.conversation.ConversationEvent.ResponseStarted;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStarted;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStopped;
import dev.parley.runtime.conversation.ConversationEvent.TranscriptCompleted;
import dev.parley.runtime.conversation.ConversationEvent.UserStateChanged;
import dev.parley.runtime.conversation.ConversationEvent.VariantSwitched;

/**
 * The typed core events as recording lines ({@code dir: core}): the turn and state changes, copied on the actor
 * because the core's objects are only valid during the callback. The frequent content events (text and audio
 * deltas) are not repeated here: the wire lines ({@code dir: out}) carry them.
 */
final class CoreEventLines {
    private CoreEventLines() {
    }

    /** The line's fields for {@code e}, or null when the event is not recorded as a core line. */
    static ObjectNode of(ConversationEvent e) {
        if (e instanceof ConversationEvent.AudioChunk || e instanceof ConversationEvent.TextDelta
                || e instanceof ConversationEvent.FunctionCallArgumentsDelta
                || e instanceof ConversationEvent.TranscriptDelta) {
            return null; // fifty a second: nothing built for them on the actor
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", e.getClass().getSimpleName());
        switch (e) {
            case SpeechStarted s -> n.put("item_id", s.itemId()).put("audio_start_ms", s.audioStartMs());
            case SpeechStopped s -> n.put("item_id", s.itemId()).put("audio_end_ms", s.audioEndMs());
            case InputCommitted c -> n.put("item_id", c.itemId());
            case TranscriptCompleted t -> n.put("item_id", t.itemId()).put("transcript", t.transcript())
                    .put("audio_seconds", t.audioSeconds());
            case ResponseStarted r -> n.put("response_id", r.response().id());
            case ResponseDone d -> n.put("response_id", d.response().id())
                    .put("status", d.outcome().status().name()).put("reason", String.valueOf(d.outcome().reason()));
            case UserStateChanged u -> n.put("from", u.from().name()).put("to", u.to().name());
            case AgentStateChanged a -> n.put("from", a.from().name()).put("to", a.to().name());
            case VariantSwitched v -> n.put("pipeline", v.pipeline()).put("variant", v.variant());
            default -> { }
        }
        return n;
    }
}
