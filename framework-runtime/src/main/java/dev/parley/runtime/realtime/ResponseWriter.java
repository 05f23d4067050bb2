package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.audio.ByteChunks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits the server events of one response in the exact order of §5: the assistant message item opens lazily
 * on its first text or audio delta; tool calls become {@code function_call} items; {@link #finish} closes
 * whatever is open (as {@code incomplete} when the response did not complete) and sends {@code response.done}
 * and {@code rate_limits.updated}. Runs on the session's actor.
 */
final class ResponseWriter {
    private final EventEmitter out;
    private final Conversation conversation; // null for out-of-band responses
    private final String responseId;
    private final ResponseOptions options;
    private final ResponseTiming timing;
    private final Runnable onFirstAudio;
    private final List<ConversationItem> output = new ArrayList<>();
    private final Map<Integer, ConversationItem> openCalls = new HashMap<>();
    private ConversationItem message;
    private ContentPart part;
    private ByteChunks audio;
    private StringBuilder text;
    private boolean finished;

    ResponseWriter(EventEmitter out, Conversation conversation, String responseId, ResponseOptions options,
                   ResponseTiming timing, Runnable onFirstAudio) {
        this.out = out;
        this.conversation = conversation;
        this.responseId = responseId;
        this.options = options;
        this.timing = timing;
        this.onFirstAudio = onFirstAudio;
    }

    String responseId() {
        return responseId;
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

    boolean finished() {
        return finished;
    }

    void created() {
        ObjectNode e = out.event("response.created");
        e.set("response", response("in_progress", null, null));
        out.send(e);
    }

    void textDelta(String delta) {
        openMessage();
        text.append(delta);
        if (part.heard != null) {
            part.heard.add(delta, part.audioMs);
        }
        ObjectNode e = contentEvent(options.audio() ? "response.output_audio_transcript.delta"
                : "response.output_text.delta");
        e.put("delta", delta);
        sendDelta(e);
    }

    void audioDelta(byte[] bytes, long durationMs) {
        if (!options.audio()) {
            return; // text-only response: an engine sending audio anyway is ignored rather than mislabelled
        }
        boolean first = message == null || audio.size() == 0;
        openMessage();
        audio.addCopy(bytes, 0, bytes.length); // one copy; the engine owns bytes
        // length from the bytes, as clients compute it, so a truncate at "everything played" is never too long
        part.audioMs = options.outputFormat().millis(audio.size());
        timing.mark(ResponseTiming.Stage.FIRST_DELTA_SENT);
        out.sendAudioDelta(responseId, message.id, output.indexOf(message), 0, bytes);
        if (first) {
            onFirstAudio.run();
        }
    }

    void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        ConversationItem call = openCall(index, callId, name);
        if (argumentsDelta == null || argumentsDelta.isEmpty()) {
            return;
        }
        call.arguments += argumentsDelta;
        ObjectNode e = out.event("response.function_call_arguments.delta");
        e.put("response_id", responseId).put("item_id", call.id).put("output_index", output.indexOf(call))
                .put("call_id", call.callId).put("delta", argumentsDelta);
        sendDelta(e);
    }

    void toolCall(int index, ToolCall tc) {
        ConversationItem call = openCall(index, tc.callId(), tc.name());
        openCalls.remove(index);
        call.arguments = tc.argumentsJson() == null || tc.argumentsJson().isBlank() ? "{}" : tc.argumentsJson();
        ObjectNode e = out.event("response.function_call_arguments.done");
        e.put("response_id", responseId).put("item_id", call.id).put("output_index", output.indexOf(call))
                .put("call_id", call.callId).put("name", call.name).put("arguments", call.arguments);
        out.send(e);
        closeItem(call, "completed");
    }

    /** Closes open items ({@code completed} only when {@code status} is), then response.done + rate limits. */
    void finish(String status, JsonNode statusDetails, TokenUsage usage) {
        if (finished) {
            return;
        }
        finished = true;
        String itemStatus = "completed".equals(status) ? "completed" : "incomplete";
        closeMessage(itemStatus);
        for (ConversationItem call : List.copyOf(openCalls.values())) {
            closeItem(call, "incomplete");
        }
        openCalls.clear();
        timing.mark(ResponseTiming.Stage.DONE);
        ObjectNode done = out.event("response.done");
        done.set("response", response(status, statusDetails, usage == null ? TokenUsage.UNKNOWN : usage));
        out.send(done);
        ObjectNode limits = out.event("rate_limits.updated");
        limits.set("rate_limits", ResponseJson.rateLimits());
        out.send(limits);
    }

    private ObjectNode response(String status, JsonNode details, TokenUsage usage) {
        return ResponseJson.response(responseId, status, details, output,
                conversation == null ? null : conversation.id(), options, usage, out.dialect());
    }

    private void openMessage() {
        if (message != null) {
            return;
        }
        message = ConversationItem.message(Ids.item(), "assistant");
        message.status = "in_progress";
        openItem(message);
        part = new ContentPart(options.audio() ? "audio" : "text");
        if (options.audio()) {
            part.heard = new HeardTranscript();
        }
        audio = new ByteChunks();
        text = new StringBuilder();
        message.content.add(part);
        ObjectNode e = contentEvent("response.content_part.added");
        e.set("part", partJson(""));
        out.send(e);
    }

    private void closeMessage(String status) {
        if (message == null) {
            return;
        }
        String full = text.toString();
        if (options.audio()) {
            out.send(contentEvent("response.output_audio.done"));
            ObjectNode t = contentEvent("response.output_audio_transcript.done");
            t.put("transcript", full);
            out.send(t);
            part.transcript = full;
            part.audio = audio.toByteArray();
            if (conversation != null) {
                conversation.limitAudio();
            }
        } else {
            ObjectNode t = contentEvent("response.output_text.done");
            t.put("text", full);
            out.send(t);
            part.text = full;
        }
        ObjectNode pd = contentEvent("response.content_part.done");
        pd.set("part", partJson(full));
        out.send(pd);
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
        ObjectNode added = out.event("response.output_item.added");
        added.put("response_id", responseId).put("output_index", output.size() - 1);
        added.set("item", ItemWriter.write(item, out.dialect(), false));
        out.send(added);
        if (conversation != null) {
            String previous = conversation.append(item);
            ObjectNode conv = out.event("conversation.item.added");
            conv.put("previous_item_id", previous);
            conv.set("item", ItemWriter.write(item, out.dialect(), false));
            out.send(conv);
        }
    }

    private void closeItem(ConversationItem item, String status) {
        item.status = status;
        if (conversation != null && out.dialect().hasItemDone() && conversation.contains(item.id)) {
            ObjectNode conv = out.event("conversation.item.done");
            conv.put("previous_item_id", conversation.previousOf(item.id));
            conv.set("item", ItemWriter.write(item, out.dialect(), false));
            out.send(conv);
        }
        ObjectNode done = out.event("response.output_item.done");
        done.put("response_id", responseId).put("output_index", output.indexOf(item));
        done.set("item", ItemWriter.write(item, out.dialect(), false));
        out.send(done);
    }

    private ObjectNode contentEvent(String type) {
        ObjectNode e = out.event(type);
        e.put("response_id", responseId).put("item_id", message.id).put("output_index", output.indexOf(message))
                .put("content_index", 0);
        return e;
    }

    /** Part types stay {@code audio}/{@code text} in both dialects (observed on the live GA API). */
    private ObjectNode partJson(String value) {
        ObjectNode p = EventEmitter.MAPPER.createObjectNode();
        if (options.audio()) {
            p.put("type", "audio").put("transcript", value);
        } else {
            p.put("type", "text").put("text", value);
        }
        return p;
    }

    private void sendDelta(ObjectNode e) {
        timing.mark(ResponseTiming.Stage.FIRST_DELTA_SENT);
        out.send(e);
    }
}
