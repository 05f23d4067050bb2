package dev.parley.runtime.conversation;

import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.audio.ByteChunks;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartAdded;
import dev.parley.runtime.conversation.ConversationEvent.ContentPartDone;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemAdded;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemDone;
import dev.parley.runtime.conversation.ConversationEvent.ResponseRef;
import dev.parley.runtime.engine.ResponseTiming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output items of one response and their events, in order: the assistant message opens lazily on its first
 * text or audio; tool calls become {@code function_call} items; {@link #close} closes whatever is open (as
 * {@code incomplete} unless the response completed). Knows nothing of when the response ends — its
 * {@link ConversationResponse} decides that. Runs on the session's actor.
 */
final class ResponseItems {
    private final EventBus bus;
    private final Conversation conversation; // null for out-of-band responses
    private final ResponseRef ref;
    private final ResponseTiming timing;
    private final List<ConversationItem> output = new ArrayList<>();
    private final Map<Integer, ConversationItem> openCalls = new HashMap<>();
    private ConversationItem message;
    private ContentPart part;
    private ByteChunks audio;
    private StringBuilder text;
    /** Set by a playout cut while generating: later audio is kept in the item but not sent; run at the end. */
    private Runnable cutTruncation;

    ResponseItems(EventBus bus, Conversation conversation, String responseId, ResponseOptions options,
                  ResponseTiming timing) {
        this.bus = bus;
        this.conversation = conversation;
        this.timing = timing;
        this.ref = new ResponseRef(responseId, conversation == null ? null : conversation.id(), options,
                Collections.unmodifiableList(output), timing);
    }

    ResponseRef ref() {
        return ref;
    }

    boolean audioOut() {
        return ref.options().audio();
    }

    /** The last assistant message this response opened, or null. */
    ConversationItem lastMessage() {
        for (int i = output.size() - 1; i >= 0; i--) {
            if (output.get(i).kind == ConversationItem.Kind.MESSAGE) {
                return output.get(i);
            }
        }
        return null;
    }

    void textDelta(String delta) {
        openMessage();
        text.append(delta);
        if (part.heard != null) {
            part.heard.add(delta, part.audioMs);
        }
        timing.mark(ResponseTiming.Stage.FIRST_DELTA_SENT);
        bus.emit(new ConversationEvent.TextDelta(System.nanoTime(), ref.id(), message.id, output.indexOf(message),
                delta, audioOut()));
    }

    /** Returns true for the response's first audio. */
    boolean audioDelta(byte[] bytes, long durationMs) {
        if (!audioOut()) {
            return false; // text-only response: an engine sending audio anyway is ignored rather than mislabelled
        }
        boolean first = message == null || audio.size() == 0;
        openMessage();
        audio.addCopy(bytes, 0, bytes.length); // one copy; the engine owns bytes
        // length from the bytes, as clients compute it, so a truncate at "everything played" is never too long
        part.audioMs = ref.options().outputFormat().millis(audio.size());
        timing.mark(ResponseTiming.Stage.FIRST_DELTA_SENT);
        if (cutTruncation != null) {
            return first; // nobody hears it: the transport cut this response's playout
        }
        bus.emit(new ConversationEvent.AudioChunk(System.nanoTime(), ref.id(), message.id, output.indexOf(message),
                bytes, durationMs));
        return first;
    }

    /** The transport cut the playout of {@code itemId}; false when this response did not write it. */
    boolean playoutCut(String itemId, Runnable truncation) {
        if (output.stream().noneMatch(i -> i.id.equals(itemId))) {
            return false;
        }
        cutTruncation = truncation;
        return true;
    }

    /** The response's {@code ResponseDone} is out: a cut's truncation follows. */
    void responseDone() {
        if (cutTruncation != null) {
            cutTruncation.run();
        }
    }

    void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        ConversationItem call = openCall(index, callId, name);
        if (argumentsDelta == null || argumentsDelta.isEmpty()) {
            return;
        }
        call.arguments += argumentsDelta;
        timing.mark(ResponseTiming.Stage.FIRST_DELTA_SENT);
        bus.emit(new ConversationEvent.FunctionCallArgumentsDelta(System.nanoTime(), ref.id(), call.id,
                output.indexOf(call), call.callId, argumentsDelta));
    }

    void toolCall(int index, ToolCall tc) {
        ConversationItem call = openCall(index, tc.callId(), tc.name());
        openCalls.remove(index);
        call.arguments = tc.argumentsJson() == null || tc.argumentsJson().isBlank() ? "{}" : tc.argumentsJson();
        bus.emit(new ConversationEvent.FunctionCallArgumentsDone(System.nanoTime(), ref.id(), call.id,
                output.indexOf(call), call.callId, call.name, call.arguments));
        closeItem(call, "completed");
    }

    /** Closes open items ({@code completed} only when {@code completed}); the usage stays the caller's. */
    void close(boolean completed) {
        String itemStatus = completed ? "completed" : "incomplete";
        closeMessage(itemStatus);
        for (ConversationItem call : List.copyOf(openCalls.values())) {
            closeItem(call, "incomplete");
        }
        openCalls.clear();
    }

    static TokenUsage usageOrUnknown(TokenUsage usage) {
        return usage == null ? TokenUsage.UNKNOWN : usage;
    }

    private void openMessage() {
        if (message != null) {
            return;
        }
        message = ConversationItem.message(Ids.item(), "assistant");
        message.status = "in_progress";
        openItem(message);
        part = new ContentPart(audioOut() ? "audio" : "text");
        if (audioOut()) {
            part.heard = new HeardTranscript();
        }
        audio = new ByteChunks();
        text = new StringBuilder();
        message.content.add(part);
        bus.emit(new ContentPartAdded(System.nanoTime(), ref.id(), message.id, output.indexOf(message), audioOut()));
    }

    private void closeMessage(String status) {
        if (message == null) {
            return;
        }
        String full = text.toString();
        if (audioOut()) {
            part.transcript = full;
            part.audio = audio.toByteArray();
            if (conversation != null) {
                conversation.limitAudio();
            }
        } else {
            part.text = full;
        }
        bus.emit(new ContentPartDone(System.nanoTime(), ref.id(), message.id, output.indexOf(message), audioOut(),
                full));
        ConversationItem closed = message;
        message = null;
        closeItem(closed, status);
    }

    private ConversationItem openCall(int index, String callId, String name) {
        ConversationItem call = openCalls.get(index);
        if (call != null) {
            return call;
        }
        closeMessage("completed");
        call = new ConversationItem(Ids.item(), ConversationItem.Kind.FUNCTION_CALL);
        call.status = "in_progress";
        call.callId = callId == null || callId.isBlank() ? Ids.call() : callId;
        call.name = name == null ? "" : name;
        call.arguments = "";
        openCalls.put(index, call);
        openItem(call);
        return call;
    }

    private void openItem(ConversationItem item) {
        output.add(item);
        String previous = conversation == null ? null : conversation.append(item);
        bus.emit(new OutputItemAdded(System.nanoTime(), ref.id(), item, output.size() - 1, conversation != null,
                previous));
    }

    private void closeItem(ConversationItem item, String status) {
        item.status = status;
        boolean inConversation = conversation != null && conversation.contains(item.id);
        bus.emit(new OutputItemDone(System.nanoTime(), ref.id(), item, output.indexOf(item), inConversation,
                inConversation ? conversation.previousOf(item.id) : null));
    }
}
