package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import java.util.HashMap;
import java.util.Map;

/**
 * The audio side of a session: {@code input_audio_buffer.*} commands in, the input path's speech and
 * transcript events out as protocol events. Maps the input path's utterance numbers to user item ids (an id is
 * assigned at speech start so {@code speech_started}, {@code committed} and the transcription events agree).
 * Barge-in happens here: speech onset with {@code interrupt_response} cancels the active response at once.
 */
final class VoiceInput implements InputListener {
    private final SessionContext ctx;
    private final ResponseCoordinator responses;
    private final FalseInterruptionPolicy falseInterruptions;
    private final Map<Long, String> itemIds = new HashMap<>();
    private final Map<Long, String> earlyTranscripts = new HashMap<>();

    VoiceInput(SessionContext ctx, ResponseCoordinator responses, FalseInterruptionPolicy falseInterruptions) {
        this.ctx = ctx;
        this.responses = responses;
        this.falseInterruptions = falseInterruptions;
    }

    /** {@code input_audio_buffer.append}; no reply. */
    void append(ObjectNode event) {
        String audio = Fields.requireString(event, "audio", "");
        append(AudioPayload.decode(audio, "audio"));
    }

    /** {@code input_audio_buffer.append} whose audio is already decoded (the fast path). */
    void append(byte[] audio) {
        ctx.engine.input().append(audio);
    }

    /** {@code input_audio_buffer.commit}. */
    void commit() {
        CommittedAudio audio = ctx.engine.input().commit();
        if (audio == null) {
            throw ProtocolException.invalidRequest("input_audio_buffer_commit_empty", null,
                    "Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, "
                            + "but the buffer holds less (" + ctx.engine.input().audioMs() + "ms appended in this "
                            + "session so far).");
        }
        commitItem(audio);
    }

    /** {@code input_audio_buffer.clear}. */
    void clear() {
        ctx.engine.input().clear();
        ctx.userSpeaking = false;
        ctx.out.send(ctx.out.event("input_audio_buffer.cleared"));
        falseInterruptions.inputCleared();
        ctx.turnBoundary.run();
    }

    @Override
    public void speechStarted(long utterance, long audioStartMs) {
        ctx.userSpeaking = true;
        ObjectNode e = ctx.out.event("input_audio_buffer.speech_started");
        e.put("audio_start_ms", audioStartMs).put("item_id", itemId(utterance));
        ctx.out.send(e);
        var td = ctx.config.turnDetection;
        ActiveResponse cancelled = td != null && td.interruptResponse() ? responses.interrupt() : null;
        falseInterruptions.speechStarted(utterance, cancelled);
    }

    @Override
    public void speechStopped(long utterance, long audioEndMs, CommittedAudio audio) {
        ctx.userSpeaking = false;
        ObjectNode e = ctx.out.event("input_audio_buffer.speech_stopped");
        e.put("audio_end_ms", audioEndMs).put("item_id", itemId(utterance));
        ctx.out.send(e);
        ConversationItem item = commitItem(audio);
        var td = ctx.config.turnDetection;
        if ((td == null || td.createResponse()) && !falseInterruptions.holdTurn(utterance, item, audio)) {
            responses.respondToTurn(item, audio);
        }
    }

    @Override
    public void idleTimeout(long utterance, long audioStartMs, long audioEndMs, CommittedAudio audio) {
        ctx.userSpeaking = false;
        ObjectNode e = ctx.out.event("input_audio_buffer.timeout_triggered");
        e.put("audio_start_ms", audioStartMs).put("audio_end_ms", audioEndMs).put("item_id", itemId(utterance));
        ctx.out.send(e);
        ConversationItem item = commitItem(audio);
        responses.respondToTurn(item, audio);
    }

    @Override
    public void transcriptDelta(long utterance, String delta) {
        ObjectNode e = ctx.out.event("conversation.item.input_audio_transcription.delta");
        e.put("item_id", itemId(utterance)).put("content_index", 0).put("delta", delta);
        ctx.out.send(e);
    }

    @Override
    public void transcriptCompleted(long utterance, String transcript) {
        String id = itemId(utterance);
        ConversationItem item = ctx.conversation.get(id);
        if (item == null) {
            earlyTranscripts.put(utterance, transcript); // committed later; applied then
        } else {
            applyTranscript(item, transcript);
        }
        ObjectNode e = ctx.out.event("conversation.item.input_audio_transcription.completed");
        e.put("item_id", id).put("content_index", 0).put("transcript", transcript);
        ObjectNode usage = e.putObject("usage");
        usage.put("type", "duration").put("seconds", audioSeconds(item));
        ctx.out.send(e);
        if (item != null) {
            falseInterruptions.transcriptFinal(utterance);
        }
        responses.transcriptSettled();
    }

    @Override
    public void transcriptFailed(long utterance, String message) {
        String id = itemId(utterance);
        ConversationItem item = ctx.conversation.get(id);
        if (item == null) {
            earlyTranscripts.put(utterance, "");
        } else {
            applyTranscript(item, null);
        }
        ObjectNode e = ctx.out.event("conversation.item.input_audio_transcription.failed");
        e.put("item_id", id).put("content_index", 0);
        e.putObject("error").put("type", "transcription_error").put("code", "transcription_failed")
                .put("message", message).putNull("param");
        ctx.out.send(e);
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
        String early = earlyTranscripts.remove(audio.utterance());
        if (early != null) {
            applyTranscript(item, early.isEmpty() ? null : early);
        }
        falseInterruptions.committed(audio.utterance());
        String previous = ctx.conversation.append(item);
        ctx.conversation.limitAudio();
        ObjectNode committed = ctx.out.event("input_audio_buffer.committed");
        committed.put("previous_item_id", previous).put("item_id", item.id);
        ctx.out.send(committed);
        ConversationEvents.added(ctx, item, previous);
        return item;
    }

    private void applyTranscript(ConversationItem item, String transcript) {
        item.transcriptPending = false;
        item.transcriptAtNanos = System.nanoTime();
        if (!item.content.isEmpty()) {
            item.content.get(0).transcript = transcript;
        }
    }

    private String itemId(long utterance) {
        return itemIds.computeIfAbsent(utterance, u -> Ids.item());
    }

    private static double audioSeconds(ConversationItem item) {
        return item == null || item.content.isEmpty() ? 0 : item.content.get(0).audioMs / 1000.0;
    }
}
